import { expect, it } from 'vitest';
import { validatingFetch, ViolationCollector } from '../openapi/validator.js';

/**
 * Validates every response an SDK receives against ImageKit's OpenAPI spec. Pass `fetch` to
 * `withEmulator`/`startTestEmulator`, and call `itConformsToSpec()` last in the file.
 */
export function specValidation() {
  const collector = new ViolationCollector();
  return {
    collector,
    fetch: validatingFetch(collector) as typeof fetch,
    itConformsToSpec(minChecked = 1) {
      it('every response in this file conforms to the OpenAPI spec', () => {
        expect(collector.checked).toBeGreaterThanOrEqual(minChecked);
        expect(collector.violations, collector.report()).toEqual([]);
      });
    },
  };
}
