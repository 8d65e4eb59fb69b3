// The one reading of an ImageKit transformation string (`tr`), shared by the delivery renderer (parse.ts),
// the URL paste parser (shared/url) and the builder's checks.
//
// `,` separates parameters and `:` separates chained steps, but both also occur inside a layer
// (`l-image,i-logo.png,w-100:rt-90,l-end` is one parameter of the outer step, and layers nest). Nothing is
// dropped or decoded here: every entry keeps its text and offsets, so a caller can carry over verbatim
// whatever it cannot represent, and each caller decides what an empty entry or a stray `l-end` means.

export type Separator = '' | ',' | ':';

export interface EntryNode {
  kind: 'entry';
  text: string;
  /** `w` for `w-300`; effect keys keep their prefix (`e-sharpen` for `e-sharpen-10`). */
  key: string;
  /** Everything after the key's `-`; undefined when there is none (`e-grayscale`, `l`). */
  value?: string;
  /** Delimiter just before this entry (`''` for the first entry of the string). */
  sep: Separator;
  start: number;
  end: number;
}

export interface LayerNode {
  kind: 'layer';
  /** `l-image`, `l-text`, … (any `l-<type>` other than `l-end`; callers judge the type). */
  open: EntryNode;
  children: TrNode[];
  /** Missing when the layer is never closed; it then runs to the end of the string. */
  close?: EntryNode;
  sep: Separator;
  start: number;
  end: number;
}

export type TrNode = EntryNode | LayerNode;

/** Splits `key-value` at the first `-` after the key; `e-` effect keys keep their own dash. */
export function splitKeyValue(text: string): { key: string; value?: string } {
  const dash = text.indexOf('-', text.startsWith('e-') ? 2 : 0);
  return dash < 0 ? { key: text } : { key: text.slice(0, dash), value: text.slice(dash + 1) };
}

/** Every `,`/`:`-separated entry of `text`, empty ones included, with its offsets. */
export function tokenizeTr(text: string): EntryNode[] {
  const entries: EntryNode[] = [];
  let start = 0;
  let sep: Separator = '';
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (i === text.length || char === ',' || char === ':') {
      entries.push({ kind: 'entry', text: text.slice(start, i), ...splitKeyValue(text.slice(start, i)), sep, start, end: i });
      sep = char === ':' ? ':' : ',';
      start = i + 1;
    }
  }
  return entries;
}

const isLayerOpen = (entry: EntryNode): boolean => entry.key === 'l' && entry.value !== undefined && entry.value !== 'end';
const isLayerEnd = (entry: EntryNode): boolean => entry.key === 'l' && entry.value === 'end';

/**
 * Groups entries into layers (`l-<type>` … `l-end`, nesting to any depth). A stray `l-end` stays an
 * entry; an unclosed layer runs to the last entry and has no `close`.
 */
export function treeOf(entries: readonly EntryNode[]): TrNode[] {
  let index = 0;
  const endOfText = entries.length > 0 ? entries[entries.length - 1].end : 0;

  function readLayer(open: EntryNode): LayerNode {
    const children: TrNode[] = [];
    while (index < entries.length) {
      const entry = entries[index++];
      if (isLayerEnd(entry)) return { kind: 'layer', open, children, close: entry, sep: open.sep, start: open.start, end: entry.end };
      children.push(isLayerOpen(entry) ? readLayer(entry) : entry);
    }
    return { kind: 'layer', open, children, sep: open.sep, start: open.start, end: endOfText };
  }

  const nodes: TrNode[] = [];
  while (index < entries.length) {
    const entry = entries[index++];
    nodes.push(isLayerOpen(entry) ? readLayer(entry) : entry);
  }
  return nodes;
}

/** Nodes of a whole transformation string, losslessly. */
export function buildTrTree(text: string): TrNode[] {
  return treeOf(tokenizeTr(text));
}

/** Groups sibling nodes into chained steps: a node preceded by `:` starts a new step. */
export function splitSteps(nodes: readonly TrNode[]): TrNode[][] {
  const steps: TrNode[][] = [];
  for (const node of nodes) {
    if (steps.length === 0 || node.sep === ':') steps.push([node]);
    else steps[steps.length - 1].push(node);
  }
  return steps;
}
