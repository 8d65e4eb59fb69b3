/** Tags typed as `a, b ,c` → ['a', 'b', 'c'] (ImageKit's own comma-separated form). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

export function formatTags(tags: readonly string[] | null | undefined): string {
  return (tags ?? []).join(', ');
}
