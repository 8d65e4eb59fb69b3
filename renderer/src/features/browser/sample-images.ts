import type { WindowFile } from '../../api/uploads';

/** Four calm, distinct scenes drawn at run time, so a new library has something to look at and transform. */
const scenes: ReadonlyArray<{ name: string; sky: [string, string]; ground: string; sun: string; hills: number }> = [
  { name: 'sample-dunes.jpg', sky: ['#f6d365', '#fda085'], ground: '#c7783c', sun: '#fff3c4', hills: 3 },
  { name: 'sample-lake.jpg', sky: ['#89f7fe', '#66a6ff'], ground: '#2f5d8a', sun: '#ffffff', hills: 2 },
  { name: 'sample-forest.jpg', sky: ['#d4fc79', '#96e6a1'], ground: '#2e6b3f', sun: '#fffbe0', hills: 4 },
  { name: 'sample-dusk.jpg', sky: ['#a18cd1', '#fbc2eb'], ground: '#4b3a6b', sun: '#ffe3f1', hills: 3 },
];

function draw(canvas: HTMLCanvasElement, scene: (typeof scenes)[number]): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw images (no 2D canvas).');
  const { width: w, height: h } = canvas;
  const sky = ctx.createLinearGradient(0, 0, 0, h);
  sky.addColorStop(0, scene.sky[0]);
  sky.addColorStop(1, scene.sky[1]);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = scene.sun;
  ctx.beginPath();
  ctx.arc(w * 0.72, h * 0.3, h * 0.11, 0, Math.PI * 2);
  ctx.fill();
  for (let i = 0; i < scene.hills; i += 1) {
    const base = h * (0.58 + i * 0.1);
    ctx.globalAlpha = 0.55 + i * 0.15;
    ctx.fillStyle = scene.ground;
    ctx.beginPath();
    ctx.moveTo(0, h);
    ctx.lineTo(0, base);
    for (let x = 0; x <= w; x += w / 8) ctx.lineTo(x, base - Math.sin((x / w) * Math.PI * (2 + i) + i) * h * 0.06);
    ctx.lineTo(w, h);
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** JPEGs of 1600 × 1067 made in this window, ready for the ordinary upload path. */
export async function makeSampleImages(): Promise<WindowFile[]> {
  const canvas = document.createElement('canvas');
  canvas.width = 1600;
  canvas.height = 1067;
  const files: WindowFile[] = [];
  for (const scene of scenes) {
    draw(canvas, scene);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.86));
    if (!blob) throw new Error('Could not encode a sample image.');
    files.push({ file: new File([blob], scene.name, { type: 'image/jpeg' }), relativePath: scene.name });
  }
  return files;
}
