/** Puts text on the clipboard; rejects with words for a person when the browser refuses. */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('This window has no clipboard access; select the text and copy it.');
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    throw new Error(`Could not copy: ${error instanceof Error ? error.message : String(error)}. Select the text and copy it.`);
  }
}
