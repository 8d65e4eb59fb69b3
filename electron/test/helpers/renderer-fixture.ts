import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A tiny stand-in renderer build (index.html + one script) for host tests that serve files. */
export async function writeRendererFixture(root: string): Promise<string> {
  const dir = path.join(root, 'renderer');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'document.getElementById("root").textContent = "hello";');
  await writeFile(path.join(dir, '.env'), 'SECRET=1');
  await writeFile(path.join(root, 'outside.txt'), 'not part of the renderer');
  return dir;
}
