// Finds what the delivery endpoint would refuse in a transformation string before anything is requested:
// every parameter is checked on its own (the catalog parser), so one bad value does not hide the next.
import { parseTransformation, TransformationError, type Step } from '../../../shared/transformations/index';
import { buildTrTree, splitSteps } from '../../../shared/transformations/syntax';
import type { UrlProblem } from '../../../shared/domain/urls';
import { errorMessage } from '../../../shared/error-message';

export interface TransformationCheck {
  problems: UrlProblem[];
  /** Parameters accepted but not rendered offline (AI, video), in the order they appear. */
  approximated: string[];
}

export interface CheckOptions {
  /**
   * The account's named transformations, when known. Undefined means the list could not be read (a
   * cloud account without the listing API), so any `n-<name>` is let through rather than flagged.
   */
  named?: ReadonlyMap<string, string>;
}

// A valid stand-in for a name we cannot look up: the check must not flag what ImageKit may accept.
const UNKNOWN_NAME_STAND_IN = 'pr-false';

function describe(error: unknown): { param: string; message: string } {
  if (error instanceof TransformationError) return { param: error.param, message: error.message };
  return { param: 'tr', message: errorMessage(error) };
}

function collectApproximated(steps: Step[], into: string[]): void {
  for (const step of steps) {
    into.push(...(step.params.approximated ?? []));
    for (const layer of step.layers) collectApproximated(layer.steps, into);
  }
}

export function checkTransformation(tr: string, options: CheckOptions = {}): TransformationCheck {
  const problems: UrlProblem[] = [];
  const approximated: string[] = [];
  if (tr === '') return { problems, approximated };
  const namedTransformation = (name: string) => (options.named ? options.named.get(name) : UNKNOWN_NAME_STAND_IN);
  splitSteps(buildTrTree(tr)).forEach((nodes, step) => {
    for (const node of nodes) {
      const text = tr.slice(node.start, node.end);
      if (text === '') {
        problems.push({ step, param: 'tr', message: 'An empty parameter (two separators in a row) is not a valid transformation.' });
        continue;
      }
      try {
        collectApproximated(parseTransformation(text, { namedTransformation }), approximated);
      } catch (error) {
        problems.push({ step, ...describe(error) });
      }
    }
  });
  return { problems, approximated: [...new Set(approximated)] };
}
