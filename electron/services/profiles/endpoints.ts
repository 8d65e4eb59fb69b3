import { checkUrlEndpoint, isLoopbackHost } from '../../../shared/domain/profile';

/**
 * The API base URL for an ImageKit-account profile. Real accounts use ImageKit's API (undefined:
 * the SDK's own defaults, so uploads reach upload.imagekit.io). An endpoint on this machine is an
 * ImageKit emulator, which serves its API at the endpoint's origin.
 */
export function apiBaseUrlFor(urlEndpoint: string): string | undefined {
  const url = new URL(urlEndpoint);
  return isLoopbackHost(url.hostname) ? url.origin : undefined;
}

/** True when two URL endpoints name the same place once normalised (case of the host, trailing slashes). */
export function sameUrlEndpoint(a: string, b: string): boolean {
  const left = checkUrlEndpoint(a);
  const right = checkUrlEndpoint(b);
  return left.ok && right.ok && left.value === right.value;
}
