import { TransformationError, type Expr, type ExprOperator, type ExprScope, type ExprVariable } from './types.js';

const VARIABLES: readonly ExprVariable[] = ['iw', 'ih', 'iar', 'idu', 'cw', 'ch', 'car', 'cdu', 'bw', 'bh', 'bar', 'bdu'];
/**
 * ImageKit's precedence is unusual: mul/div bind tightest, then add/sub, then mod, then pow.
 * Listed loosest first so the tree builder splits on the loosest operator.
 */
const PRECEDENCE_LOOSEST_FIRST: readonly (readonly ExprOperator[])[] = [['pow'], ['mod'], ['add', 'sub'], ['mul', 'div']];
const OPERATORS = new Set<string>(PRECEDENCE_LOOSEST_FIRST.flat());

/** `N40` → -40, `12.5` → 12.5; undefined when not a plain number. */
export function parseSignedNumber(raw: string): number | undefined {
  const negative = raw.startsWith('N');
  const body = negative ? raw.slice(1) : raw;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return undefined;
  const value = Number(body);
  return negative ? -value : value;
}

function operand(token: string, param: string): Expr {
  if ((VARIABLES as readonly string[]).includes(token)) return { kind: 'var', name: token as ExprVariable };
  const value = parseSignedNumber(token);
  if (value === undefined) {
    throw new TransformationError(param, `Invalid value "${token}" in the expression of transformation parameter "${param}".`);
  }
  return { kind: 'num', value };
}

function build(tokens: string[], level: number, param: string): Expr {
  if (tokens.length === 1) return operand(tokens[0], param);
  const ops = PRECEDENCE_LOOSEST_FIRST[level];
  // Left-to-right evaluation: split at the last operator of this level, so the left side groups first.
  for (let i = tokens.length - 2; i >= 1; i -= 2) {
    if ((ops as readonly string[]).includes(tokens[i])) {
      return {
        kind: 'op',
        op: tokens[i] as ExprOperator,
        left: build(tokens.slice(0, i), level, param),
        right: build(tokens.slice(i + 1), level + 1, param),
      };
    }
  }
  return build(tokens, level + 1, param);
}

/** Parses `300`, `N20`, `0.5` or an expression such as `ih_mul_0.8_add_iw_mul_0.4`. */
export function parseExpr(raw: string, param: string): Expr {
  const tokens = raw.split('_');
  if (tokens.length % 2 === 0 || tokens.some((t) => t === '')) {
    throw new TransformationError(param, `Invalid value "${raw}" for transformation parameter "${param}".`);
  }
  for (let i = 1; i < tokens.length; i += 2) {
    if (!OPERATORS.has(tokens[i])) {
      throw new TransformationError(param, `Unknown operator "${tokens[i]}" in transformation parameter "${param}".`);
    }
  }
  return build(tokens, 0, param);
}

/** Evaluates an expression; a variable missing from `scope` is an error naming the parameter. */
export function evaluate(expr: Expr, scope: ExprScope, param: string): number {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'var': {
      const value = scope[expr.name];
      if (value === undefined) {
        throw new TransformationError(param, `Variable "${expr.name}" cannot be used in transformation parameter "${param}" here.`);
      }
      return value;
    }
    case 'op': {
      const a = evaluate(expr.left, scope, param);
      const b = evaluate(expr.right, scope, param);
      switch (expr.op) {
        case 'add':
          return a + b;
        case 'sub':
          return a - b;
        case 'mul':
          return a * b;
        case 'div':
          if (b === 0) throw new TransformationError(param, `Division by zero in transformation parameter "${param}".`);
          return a / b;
        case 'mod':
          return a % b;
        case 'pow':
          return a ** b;
      }
    }
  }
}

/** Writes an expression back in URL form (numbers with the `N` prefix for negatives). */
export function formatExpr(expr: Expr): string {
  if (expr.kind === 'num') return expr.value < 0 ? `N${-expr.value}` : String(expr.value);
  if (expr.kind === 'var') return expr.name;
  return `${formatExpr(expr.left)}_${expr.op}_${formatExpr(expr.right)}`;
}
