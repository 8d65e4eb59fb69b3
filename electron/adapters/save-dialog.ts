import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';

/** The folder dialog's settings: pick one folder, allow making a new one (macOS needs the flag). */
export const PICK_DIRECTORY_OPTIONS: OpenDialogOptions = {
  title: 'Save originals to',
  buttonLabel: 'Save here',
  properties: ['openDirectory', 'createDirectory'],
};

/**
 * Asks for a folder to save originals into (the `app.pickDirectory` channel in the Electron app).
 * The dialog is modal to the window when one is open. Resolves to null when the person cancels.
 */
export function directoryPicker(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: () => BaseWindow | null,
  defaultPath?: () => string,
): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { ...PICK_DIRECTORY_OPTIONS, ...(defaultPath ? { defaultPath: defaultPath() } : {}) };
    const window = parent();
    const answer = window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  };
}
