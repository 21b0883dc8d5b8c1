/** The console's stylesheet (plain CSS, no framework). */
export const consoleStyles = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, 'Noto Sans', 'WenQuanYi Micro Hei', sans-serif; color: #0f172a; background: #f1f5f9; }
button { font: inherit; cursor: pointer; border: 1px solid #cbd5e1; background: #fff; border-radius: 6px; padding: 4px 10px; }
button.primary { background: #0f766e; border-color: #0f766e; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
input, select, textarea { font: inherit; border: 1px solid #cbd5e1; border-radius: 6px; padding: 4px 8px; }
header { display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: #334155; color: #fff; }
header .spacer { flex: 1; }
header nav button { background: transparent; color: #fff; border-color: transparent; }
header nav button.active { border-color: #fff; }
main { display: grid; grid-template-columns: 320px 1fr 300px; gap: 12px; padding: 12px; height: calc(100vh - 48px); }
main.single { grid-template-columns: 1fr; }
section { background: #fff; border-radius: 8px; padding: 10px; overflow: auto; }
h2 { font-size: 15px; margin: 4px 0 8px; }
h3 { font-size: 13px; margin: 10px 0 4px; color: #475569; text-transform: uppercase; letter-spacing: .04em; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 8px; }
.item { border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px; margin-bottom: 6px; cursor: pointer; }
.item.selected { border-color: #0f766e; background: #f0fdfa; }
.badge { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 10px; background: #e2e8f0; margin-right: 4px; }
.badge.offered { background: #fef3c7; }
.badge.assigned { background: #dcfce7; }
.badge.ticket { background: #fee2e2; }
.transcript { display: flex; flex-direction: column; gap: 6px; }
.message { max-width: 80%; padding: 6px 10px; border-radius: 10px; background: #e2e8f0; white-space: pre-wrap; }
.message.shopper { align-self: flex-start; }
.message.bot { align-self: flex-end; background: #e0f2fe; }
.message.agent { align-self: flex-end; background: #dcfce7; }
.message small { display: block; color: #64748b; font-size: 11px; }
.composer { display: flex; flex-direction: column; gap: 6px; margin-top: 10px; }
.row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.note { background: #fefce8; border-left: 3px solid #eab308; padding: 4px 8px; margin: 4px 0; }
.error { color: #b91c1c; }
.signin { max-width: 340px; margin: 12vh auto; background: #fff; padding: 24px; border-radius: 10px; display: flex; flex-direction: column; gap: 10px; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #e2e8f0; padding: 6px; text-align: left; vertical-align: top; }
`
