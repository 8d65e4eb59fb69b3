// Splits a transformation string into entries and layers without losing a character.
//
// `,` separates parameters and `:` separates chained steps, but both also occur inside a layer
// (`l-image,i-logo.png,w-100:rt-90,l-end` is one parameter of the outer step). Every node keeps its offsets
// so anything the structured parser cannot represent is carried over verbatim as `raw`.

export type Separator = '' | ',' | ':';

export interface EntryNode {
  kind: 'entry';
  text: string;
  /** Delimiter just before this node (`''` for the first node of the string). */
  sep: Separator;
  start: number;
  end: number;
}

export interface LayerNode {
  kind: 'layer';
  open: EntryNode;
  children: TrNode[];
  /** Missing when the layer is never closed; it then runs to the end of the string. */
  close?: EntryNode;
  sep: Separator;
  start: number;
  end: number;
}

export type TrNode = EntryNode | LayerNode;

/** The whole transformation string nodes point into, and notes on anything that will be re-encoded. */
export interface TrSource {
  text: string;
  notes: string[];
}

const LAYER_END = 'l-end';

export function isLayerOpen(text: string): boolean {
  return text.startsWith('l-') && text !== LAYER_END;
}

function tokenize(source: string): EntryNode[] {
  const tokens: EntryNode[] = [];
  let start = 0;
  let sep: Separator = '';
  for (let i = 0; i <= source.length; i++) {
    const char = source[i];
    if (i === source.length || char === ',' || char === ':') {
      tokens.push({ kind: 'entry', text: source.slice(start, i), sep, start, end: i });
      sep = char === ':' ? ':' : ',';
      start = i + 1;
    }
  }
  return tokens;
}

/** Nodes of a whole transformation string; layers nest to any depth. */
export function buildTrTree(source: string): TrNode[] {
  const tokens = tokenize(source);
  let index = 0;

  function readLayer(open: EntryNode): LayerNode {
    const children: TrNode[] = [];
    while (index < tokens.length) {
      const token = tokens[index++];
      if (token.text === LAYER_END) {
        return { kind: 'layer', open, children, close: token, sep: open.sep, start: open.start, end: token.end };
      }
      children.push(isLayerOpen(token.text) ? readLayer(token) : token);
    }
    return { kind: 'layer', open, children, sep: open.sep, start: open.start, end: source.length };
  }

  const nodes: TrNode[] = [];
  while (index < tokens.length) {
    const token = tokens[index++];
    nodes.push(isLayerOpen(token.text) ? readLayer(token) : token);
  }
  return nodes;
}

/** Groups sibling nodes into chained steps: a node preceded by `:` starts a new step. */
export function splitSteps(nodes: TrNode[]): TrNode[][] {
  const steps: TrNode[][] = [];
  for (const node of nodes) {
    if (steps.length === 0 || node.sep === ':') steps.push([node]);
    else steps[steps.length - 1].push(node);
  }
  return steps;
}
