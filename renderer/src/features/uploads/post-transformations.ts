import type { PostTransformation } from '../../../../shared/domain/uploads';

/**
 * Post-transformations as lines a person can type: `transformation w-100`, `thumbnail`, `gif-to-video`,
 * `abs hls sr-240_360_480`. Returns the list or the first line that cannot be read.
 */
export function parsePostLines(text: string): { ok: true; post: PostTransformation[] } | { ok: false; error: string } {
  const post: PostTransformation[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [type, ...rest] = line.split(/\s+/);
    if (type === 'transformation' && rest.length === 1) post.push({ type, value: rest[0]! });
    else if ((type === 'thumbnail' || type === 'gif-to-video') && rest.length <= 1) post.push(rest[0] ? { type, value: rest[0] } : { type });
    else if (type === 'abs' && rest.length === 2 && (rest[0] === 'hls' || rest[0] === 'dash')) post.push({ type, protocol: rest[0], value: rest[1]! });
    else return { ok: false, error: `Cannot read "${line}": use "transformation <value>", "thumbnail [value]", "gif-to-video [value]" or "abs hls|dash <value>".` };
  }
  return { ok: true, post };
}

export function formatPostLines(post: readonly PostTransformation[] | undefined): string {
  return (post ?? [])
    .map((p) => (p.type === 'abs' ? `abs ${p.protocol} ${p.value}` : p.value ? `${p.type} ${p.value}` : p.type))
    .join('\n');
}
