/** node-postgres's own value-to-text conversion and literal quoting (lib/utils.js ships no types). */
declare module 'pg/lib/utils.js' {
  const utils: {
    /** A parameter's value as node-postgres sends it: text, a Buffer (bytea), or null. */
    prepareValue(value: unknown): unknown;
    escapeLiteral(text: string): string;
  };
  export default utils;
}
