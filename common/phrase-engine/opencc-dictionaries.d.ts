// opencc-js ships its dictionaries as ES modules whose default export is the dictionary text
// ("source target|source target|…"); its package exports them without type declarations.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
