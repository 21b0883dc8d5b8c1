/** OpenCC's dictionaries as opencc-js ships them: one text of `source target|…` pairs each. */
declare module 'opencc-js/dict/*' {
  const dictionary: string
  // Describes a third-party module whose only export is a default one.
  // eslint-disable-next-line no-restricted-syntax
  export default dictionary
}
