import type { FileDetails } from '../../../../shared/domain/library';

export interface MetadataChange {
  key: string;
  before: string;
  after: string;
}

const COMPARED: Array<keyof FileDetails> = [
  'name', 'mime', 'size', 'width', 'height', 'hasAlpha', 'isPrivateFile', 'isPublished', 'tags', 'customCoordinates',
  'description', 'createdAt', 'updatedAt',
];

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * What differs between two versions' file objects: the listed fields, each custom metadata key,
 * each embedded metadata key, and AI tags. Equal values are left out.
 */
export function diffMetadata(a: FileDetails, b: FileDetails): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const push = (key: string, x: unknown, y: unknown) => {
    const [before, after] = [show(x), show(y)];
    if (before !== after) changes.push({ key, before, after });
  };
  for (const key of COMPARED) push(key, a[key], b[key]);
  push('AITags', a.AITags?.map((t) => t.name), b.AITags?.map((t) => t.name));
  for (const group of ['customMetadata', 'embeddedMetadata'] as const) {
    const x = a[group] ?? {};
    const y = b[group] ?? {};
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) push(`${group}.${key}`, x[key], y[key]);
  }
  return changes;
}
