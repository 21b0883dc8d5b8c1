/**
 * The widget's stylesheet, scoped to its shadow root. `:host { all: initial }` stops the host page's
 * inherited styles (fonts, colours, line height) from leaking in; nothing here can leak out.
 * Colours come from the store's theme through `--kedai-primary` and `--kedai-accent`.
 */
export const widgetStyles = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
.root {
  --kedai-primary: #0f766e; --kedai-accent: #f59e0b; --kedai-ink: #1c2321; --kedai-muted: #5f6b68;
  --kedai-line: #e3e8e6; --kedai-soft: #f3f6f5; --kedai-radius: 16px;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans',
    'WenQuanYi Micro Hei', 'PingFang TC', 'Microsoft JhengHei', sans-serif;
  color: var(--kedai-ink); -webkit-font-smoothing: antialiased;
}
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--kedai-accent); outline-offset: 2px; }
.launcher {
  position: fixed; bottom: 24px; right: 24px; z-index: 2147483000; display: flex; align-items: center;
  gap: 10px; height: 56px; padding: 0 22px 0 18px; border: 0; border-radius: 28px; cursor: pointer;
  background: var(--kedai-primary); color: #fff; font-weight: 600; font-size: 15px;
  box-shadow: 0 10px 30px rgba(15, 23, 42, .22), 0 2px 6px rgba(15, 23, 42, .12);
  transition: transform .15s ease, box-shadow .15s ease;
}
.launcher:hover { transform: translateY(-2px); box-shadow: 0 14px 34px rgba(15, 23, 42, .26); }
.root.left .launcher, .root.left .panel { right: auto; left: 24px; }
.launcher svg { width: 24px; height: 24px; flex: none; }
.unread { min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px; background: var(--kedai-accent);
  color: #1c1404; font-size: 12px; line-height: 20px; text-align: center; }
.panel {
  position: fixed; bottom: 24px; right: 24px; z-index: 2147483001; width: 392px; height: min(660px, calc(100vh - 48px));
  display: flex; flex-direction: column; background: #fff; border-radius: var(--kedai-radius); overflow: hidden; overflow: clip;
  box-shadow: 0 24px 60px rgba(15, 23, 42, .28), 0 4px 12px rgba(15, 23, 42, .12);
  animation: kedai-rise .18s ease-out;
}
@keyframes kedai-rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
.header { display: flex; align-items: center; gap: 12px; padding: 14px 14px 14px 16px; background: var(--kedai-primary); color: #fff; }
.avatar { width: 38px; height: 38px; flex: none; border-radius: 50%; display: grid; place-items: center;
  background: rgba(255, 255, 255, .18); color: #fff; font-weight: 700; font-size: 16px; overflow: hidden; }
.avatar img { width: 100%; height: 100%; object-fit: cover; }
.avatar.agent { background: var(--kedai-accent); color: #1c1404; }
.title { flex: 1; min-width: 0; }
.title strong { display: block; font-size: 16px; line-height: 1.25; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.title span { display: block; font-size: 12.5px; opacity: .85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.title .dot { display: inline-block; width: 7px; height: 7px; margin-right: 6px; border-radius: 50%; background: #4ade80; vertical-align: 1px; }
.header-actions { display: flex; align-items: center; gap: 6px; }
.language { appearance: none; height: 32px; padding: 0 10px; border: 1px solid rgba(255, 255, 255, .35); border-radius: 8px;
  background: rgba(255, 255, 255, .12); color: #fff; font-size: 13px; cursor: pointer; }
.language option { color: #1c2321; }
.icon-button { position: relative; width: 34px; height: 34px; display: grid; place-items: center; border: 0; border-radius: 8px;
  background: transparent; color: #fff; cursor: pointer; }
.icon-button:hover { background: rgba(255, 255, 255, .14); }
.icon-button svg { width: 20px; height: 20px; }
.cart-count { position: absolute; top: -2px; right: -3px; min-width: 17px; height: 17px; padding: 0 4px; border-radius: 9px;
  background: var(--kedai-accent); color: #1c1404; font-size: 11px; font-weight: 700; line-height: 17px; text-align: center; }
.log { flex: 1; overflow-y: auto; padding: 18px 14px 8px; background: #fbfcfc; scroll-behavior: smooth; }
.row { display: flex; gap: 8px; margin: 0 0 10px; align-items: flex-end; }
.row.shopper { justify-content: flex-end; }
.row .avatar { width: 28px; height: 28px; font-size: 12px; background: var(--kedai-primary); }
.row .avatar.agent { background: var(--kedai-accent); }
.stack { display: flex; flex-direction: column; gap: 6px; max-width: 82%; min-width: 0; }
.row.shopper .stack { align-items: flex-end; }
.author { font-size: 12px; color: var(--kedai-muted); margin-left: 2px; }
.bubble { padding: 10px 14px; border-radius: 18px 18px 18px 6px; background: var(--kedai-soft); white-space: pre-wrap; overflow-wrap: anywhere; }
.row.shopper .bubble { border-radius: 18px 18px 6px 18px; background: var(--kedai-primary); color: #fff; }
.row.pending .bubble { opacity: .65; }
.status-line { font-size: 12px; color: var(--kedai-muted); }
.status-line button { border: 0; background: none; color: var(--kedai-primary); font-weight: 600; text-decoration: underline; cursor: pointer; padding: 0 0 0 4px; }
.notice { margin: 6px auto 12px; padding: 4px 12px; width: fit-content; max-width: 90%; border-radius: 12px;
  background: #fff7e6; color: #7a4b00; font-size: 12.5px; text-align: center; }
.card { width: 236px; flex: none; border: 1px solid var(--kedai-line); border-radius: 14px; background: #fff; overflow: hidden;
  box-shadow: 0 1px 2px rgba(15, 23, 42, .05); scroll-snap-align: start; }
.card-image { display: block; width: 100%; aspect-ratio: 4 / 3; object-fit: contain; background: var(--kedai-soft); }
.card-body { padding: 10px 12px 12px; }
.card-title { margin: 0; font-size: 14.5px; font-weight: 600; line-height: 1.3; }
.card-subtitle { margin: 3px 0 0; font-size: 12.5px; color: var(--kedai-muted); }
.card-price { margin: 6px 0 0; font-size: 15px; font-weight: 700; color: var(--kedai-ink); }
.card-actions { display: flex; flex-direction: column; gap: 6px; margin-top: 10px; }
.action { display: block; width: 100%; padding: 8px 12px; border: 1px solid var(--kedai-primary); border-radius: 10px;
  background: #fff; color: var(--kedai-primary); font-weight: 600; font-size: 13.5px; text-align: center; text-decoration: none; cursor: pointer; }
.action.primary { background: var(--kedai-primary); color: #fff; }
.action:hover { filter: brightness(.96); }
.action:disabled { opacity: .5; cursor: default; }
.carousel { position: relative; width: calc(100% + 36px); }
.carousel-track { display: flex; gap: 10px; overflow-x: auto; scroll-snap-type: x mandatory; padding: 2px 2px 8px; scrollbar-width: thin; }
.carousel-nav { display: flex; gap: 6px; justify-content: flex-end; }
.carousel-nav button { width: 30px; height: 30px; border: 1px solid var(--kedai-line); border-radius: 50%; background: #fff; cursor: pointer; }
.choices { display: flex; flex-wrap: wrap; gap: 8px; margin: 4px 0 12px 36px; }
.choice { padding: 7px 14px; border: 1.5px solid var(--kedai-primary); border-radius: 18px; background: #fff;
  color: var(--kedai-primary); font-size: 13.5px; font-weight: 600; cursor: pointer; }
.choice:hover { background: var(--kedai-primary); color: #fff; }
.order { min-width: 240px; padding: 12px 14px; border: 1px solid var(--kedai-line); border-radius: 14px; background: #fff; }
.order h4 { margin: 0 0 2px; font-size: 14.5px; }
.order .badge { display: inline-block; margin-bottom: 8px; padding: 2px 8px; border-radius: 10px; background: #e6f4f1; color: var(--kedai-primary); font-size: 12px; font-weight: 600; }
.order ul { list-style: none; margin: 0; padding: 0; }
.order li { display: flex; justify-content: space-between; gap: 12px; padding: 4px 0; font-size: 13.5px; border-bottom: 1px dashed var(--kedai-line); }
.order .total { display: flex; justify-content: space-between; margin-top: 8px; font-weight: 700; }
.image-message { max-width: 100%; border-radius: 12px; }
.file { color: var(--kedai-primary); font-weight: 600; }
.typing { display: inline-flex; gap: 4px; padding: 12px 14px; border-radius: 18px 18px 18px 6px; background: var(--kedai-soft); }
.typing i { width: 7px; height: 7px; border-radius: 50%; background: var(--kedai-muted); animation: kedai-blink 1.2s infinite ease-in-out; }
.typing i:nth-child(2) { animation-delay: .15s; } .typing i:nth-child(3) { animation-delay: .3s; }
@keyframes kedai-blink { 0%, 80%, 100% { opacity: .25; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-3px); } }
.banner { padding: 8px 14px; background: #fff7e6; color: #7a4b00; font-size: 13px; border-top: 1px solid #f6e3bd; }
.composer { display: flex; gap: 8px; align-items: flex-end; padding: 10px 12px; border-top: 1px solid var(--kedai-line); background: #fff; }
.composer textarea { flex: 1; min-height: 42px; max-height: 120px; padding: 10px 14px; border: 1px solid var(--kedai-line);
  border-radius: 21px; resize: none; outline: none; background: var(--kedai-soft); line-height: 1.35; }
.composer textarea:focus { border-color: var(--kedai-primary); background: #fff; }
.send { width: 42px; height: 42px; flex: none; display: grid; place-items: center; border: 0; border-radius: 50%;
  background: var(--kedai-primary); color: #fff; cursor: pointer; }
.send:disabled { opacity: .45; cursor: default; }
.send svg { width: 19px; height: 19px; }
.footer { padding: 0 0 8px; background: #fff; text-align: center; font-size: 11px; color: #98a3a0; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
  .root.left .panel { left: 0; }
  .launcher { bottom: 16px; right: 16px; }
  .root.left .launcher { left: 16px; }
  .launcher .label { display: none; }
  .launcher { padding: 0 16px; }
}
.root.inline { height: 100%; }
.root.inline .panel { position: static; width: 100%; height: 100%; border-radius: 0; box-shadow: none; animation: none; }
.root.kiosk { font-size: 18px; }
.root.kiosk .header { padding: 18px 24px; }
.root.kiosk .header .avatar { width: 52px; height: 52px; font-size: 22px; }
.root.kiosk .title strong { font-size: 24px; }
.root.kiosk .title span { font-size: 16px; }
.root.kiosk .icon-button { width: 48px; height: 48px; }
.root.kiosk .icon-button svg { width: 26px; height: 26px; }
.root.kiosk .language { height: 44px; padding: 0 14px; font-size: 16px; }
.root.kiosk .log { padding: 24px 24px 12px; }
.root.kiosk .card { width: 280px; }
.root.kiosk .composer textarea { min-height: 54px; border-radius: 27px; padding: 14px 20px; }
.root.kiosk .send { width: 54px; height: 54px; }
.root.kiosk .choice { padding: 11px 20px; font-size: 16px; }
`
