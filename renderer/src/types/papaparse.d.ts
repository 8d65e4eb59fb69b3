// The parts of papaparse's API the renderer uses. @types/papaparse references Node's stream types,
// which would give the whole renderer Node globals (process, Buffer); this keeps the renderer DOM-only.
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    fields?: string[];
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    delimiter?: string;
  }
  export interface UnparseConfig {
    newline?: string;
    quotes?: boolean | boolean[];
    delimiter?: string;
  }
  export function parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
  export function unparse(data: { fields: string[]; data: unknown[][] } | unknown[], config?: UnparseConfig): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
