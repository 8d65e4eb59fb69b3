import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A tiny stand-in renderer build (index.html + one script) for host tests that serve files. */
export async function writeRendererFixture(root: string): Promise<string> {
  const dir = path.join(root, 'renderer');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'document.getElementById("root").textContent = "hello";\n//# sourceMappingURL=app.js.map');
  // A stale source map (an old build, or one made by hand): the web host must still refuse it.
  await writeFile(path.join(dir, 'assets', 'app.js.map'), '{"version":3,"sources":["../src/secret-source.ts"],"mappings":""}');
  await writeFile(path.join(dir, '.env'), 'SECRET=1');
  await writeFile(path.join(root, 'outside.txt'), 'not part of the renderer');
  return dir;
}
