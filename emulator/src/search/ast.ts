/**
 * Syntax tree of an ImageKit `searchQuery`. The parser only knows the grammar; what a field
 * means and which operators it takes is decided when the tree is compiled (`compile.ts`).
 * Every node keeps the 0-based character offset it starts at, so compile-time errors can
 * point at the offending part of the query.
 */
export type ComparisonOperator = '=' | ':' | '<' | '<=' | '>' | '>=' | 'NOT =' | 'HAS';
export type ListOperator = 'IN' | 'NOT IN';
export type ExistenceOperator = 'EXISTS' | 'NOT EXISTS';
export type Operator = ComparisonOperator | ListOperator | ExistenceOperator;

/** One literal as written: `raw` is the text without quotes, `quoted` tells `"7d"` from `7d`. */
export interface Literal {
  raw: string;
  quoted: boolean;
  position: number;
}

export interface FieldRef {
  /** As written, without quotes: `createdAt`, `customMetadata.brand`. */
  name: string;
  quoted: boolean;
  position: number;
}

interface ConditionBase {
  kind: 'condition';
  field: FieldRef;
  /** Offset of the operator keyword/symbol. */
  operatorPosition: number;
}

export type Condition =
  | (ConditionBase & { operator: ComparisonOperator; value: Literal })
  | (ConditionBase & { operator: ListOperator; values: Literal[] })
  | (ConditionBase & { operator: ExistenceOperator });

export interface BooleanNode {
  kind: 'and' | 'or';
  /** Two or more operands; chains like `a AND b AND c` are flattened. */
  operands: SearchNode[];
  position: number;
}

export type SearchNode = Condition | BooleanNode;
