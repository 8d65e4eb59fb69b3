import type { Page } from '@playwright/test';
import { startWebHost, type WebHost } from './hosts';

export interface DropFile {
  name: string;
  content: Buffer;
  type?: string;
}

/**
 * Drops files on the window the way the OS does: dragenter, dragover and drop carrying a DataTransfer
 * with File objects. (Chromium cannot build folder entries synthetically; folders go through the
 * folder picker, which gives the same relative paths.)
 */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? 'application/octet-stream', b64: f.content.toString('base64') }));
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      data.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, payload);
}

/** Drops links as a web page drag does (`text/uri-list` plus the HTML of an image). */
export async function dropLinks(page: Page, urls: string[]): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    data.setData('text/uri-list', list.join('\r\n'));
    data.setData('text/html', list.map((u) => `<img src="${u}">`).join(''));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, urls);
}

/** Pastes a file as the clipboard delivers a copied image. */
export async function pasteFile(page: Page, file: DropFile): Promise<void> {
  await page.evaluate(
    (f) => {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const data = new DataTransfer();
      data.items.add(new File([bytes], f.name, { type: f.type }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    },
    { name: file.name, type: file.type ?? 'application/octet-stream', b64: file.content.toString('base64') },
  );
}

/** A web host whose embedded Local library injects faults/delays (`IK_EMULATOR_FAULTS`, see emulator/src/faults.ts). */
export async function startWebHostWithFaults(faults: string): Promise<WebHost> {
  const before = process.env.IK_EMULATOR_FAULTS;
  process.env.IK_EMULATOR_FAULTS = faults;
  try {
    // The child's environment is copied when it is spawned, which happens synchronously inside this call.
    return await startWebHost(['--no-keychain']);
  } finally {
    if (before === undefined) delete process.env.IK_EMULATOR_FAULTS;
    else process.env.IK_EMULATOR_FAULTS = before;
  }
}
