import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { localLibrarySdk } from './library-seed';
import type { WebHost } from './hosts';

/** One picture of the showcase library: an SVG scene rendered by sharp, so every run has the same pixels. */
interface Scene {
  folder: string;
  name: string;
  width: number;
  height: number;
  colors: [string, string, string];
  tags?: string[];
  isPrivateFile?: boolean;
}

const scenes: Scene[] = [
  { folder: '/travel/2024', name: 'dunes.jpg', width: 1600, height: 1067, colors: ['#f6d365', '#fda085', '#b0643a'], tags: ['desert', 'summer'] },
  { folder: '/travel/2024', name: 'harbour.jpg', width: 1600, height: 1067, colors: ['#89f7fe', '#66a6ff', '#1f4e79'], tags: ['sea', 'boats'] },
  { folder: '/travel/2024', name: 'forest-trail.jpg', width: 1200, height: 1600, colors: ['#d4fc79', '#96e6a1', '#2e6b3f'], tags: ['forest'] },
  { folder: '/travel/2024', name: 'dusk-lake.jpg', width: 1600, height: 900, colors: ['#a18cd1', '#fbc2eb', '#4b3a6b'], tags: ['lake', 'evening'] },
  { folder: '/travel/2024', name: 'glacier.jpg', width: 1600, height: 1067, colors: ['#e0f7fa', '#80deea', '#37717a'], tags: ['ice'] },
  { folder: '/travel/2024', name: 'canyon.jpg', width: 1400, height: 1050, colors: ['#ffb88c', '#de6262', '#6d2b2b'] },
  { folder: '/travel/2024', name: 'meadow.jpg', width: 1600, height: 1067, colors: ['#fdfcdb', '#b8e994', '#4a7c3a'], tags: ['spring'] },
  { folder: '/travel/2024', name: 'night-city.jpg', width: 1600, height: 1067, colors: ['#0f2027', '#203a43', '#f9d423'], tags: ['city', 'night'], isPrivateFile: true },
  { folder: '/travel/2024', name: 'coast-road.jpg', width: 1080, height: 1350, colors: ['#fceabb', '#f8b500', '#805300'] },
  { folder: '/travel/2024', name: 'island.jpg', width: 1600, height: 1067, colors: ['#43cea2', '#185a9d', '#0c2d4d'], tags: ['sea'] },
  { folder: '/travel/2024', name: 'snowfield.jpg', width: 1600, height: 1067, colors: ['#ffffff', '#c9d6ff', '#7f8fb5'] },
  { folder: '/travel/2024', name: 'sunrise.jpg', width: 1600, height: 1067, colors: ['#ff9a9e', '#fecfef', '#a0526c'], tags: ['morning'] },
  { folder: '/products', name: 'chair.png', width: 1000, height: 1000, colors: ['#f5f7fa', '#c3cfe2', '#5a6b8a'], tags: ['catalog'] },
  { folder: '/products', name: 'lamp.png', width: 1000, height: 1000, colors: ['#fff1eb', '#ace0f9', '#3d6b87'], tags: ['catalog'] },
  { folder: '/brand', name: 'logo-mark.png', width: 512, height: 512, colors: ['#667eea', '#764ba2', '#ffffff'] },
];

function svg(scene: Scene): Buffer {
  const [top, bottom, ground] = scene.colors;
  const { width: w, height: h } = scene;
  const hill = (y: number, amp: number, phase: number) =>
    `M0 ${h} L0 ${y} ` + Array.from({ length: 9 }, (_, i) => `L${(w / 8) * i} ${y - Math.sin(i * 0.9 + phase) * amp}`).join(' ') + ` L${w} ${h} Z`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
      `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>` +
      `<rect width="${w}" height="${h}" fill="url(#s)"/>` +
      `<circle cx="${w * 0.7}" cy="${h * 0.3}" r="${Math.min(w, h) * 0.11}" fill="#ffffff" fill-opacity="0.75"/>` +
      `<path d="${hill(h * 0.66, h * 0.05, 0.3)}" fill="${ground}" fill-opacity="0.55"/>` +
      `<path d="${hill(h * 0.76, h * 0.06, 1.7)}" fill="${ground}" fill-opacity="0.8"/>` +
      `<path d="${hill(h * 0.86, h * 0.04, 2.9)}" fill="${ground}"/>` +
      `</svg>`,
  );
}

/**
 * A small, fixed library that looks like someone's media: a travel shoot, product shots, a logo, one
 * private file and one text file. Used by the visual and layout specs.
 */
export async function seedShowcase(host: WebHost): Promise<void> {
  const { sdk } = localLibrarySdk(host);
  for (const scene of scenes) {
    const body = await sharp(svg(scene))
      .toFormat(scene.name.endsWith('.png') ? 'png' : 'jpeg', { quality: 82 })
      .toBuffer();
    await sdk.files.upload({
      file: await toFile(body, scene.name),
      fileName: scene.name,
      folder: scene.folder,
      useUniqueFileName: false,
      ...(scene.tags ? { tags: scene.tags } : {}),
      ...(scene.isPrivateFile ? { isPrivateFile: true } : {}),
    });
  }
  await sdk.files.upload({ file: await toFile(Buffer.from('Shot list for the 2024 trip.\n'), 'shot-list.txt'), fileName: 'shot-list.txt', folder: '/travel/2024', useUniqueFileName: false });
}
