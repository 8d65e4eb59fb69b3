import { describe, expect, it } from 'vitest';
import { encodeBase64Utf8, decodeBase64Utf8 } from './base64.js';
import { PARAMETERS } from './catalog.js';
import { evaluate, parseExpr } from './expressions.js';
import { formatTransformation } from './format.js';
import { parseTransformation } from './parse.js';
import { TransformationError } from './types.js';

const paramOf = (tr: string) => {
  try {
    parseTransformation(tr);
  } catch (err) {
    if (err instanceof TransformationError) return err.param;
    throw err;
  }
  return undefined;
};

describe('parseTransformation', () => {
  it('splits chained steps on ":" and parameters on ","', () => {
    const steps = parseTransformation('w-300,h-200:rt-90');
    expect(steps).toHaveLength(2);
    expect(steps[0].keys).toEqual(['w', 'h']);
    expect(steps[1].params.rt).toBe(90);
  });

  it('reads N-prefixed negatives, optional-value effects and flags', () => {
    const [step] = parseTransformation('rt-N40,e-sharpen,e-sharpen-10,e-grayscale,e-contrast-1,e-usm-2-2-0.8-0.024');
    expect(step.params.rt).toBe(-40);
    expect(step.params.effects?.map((e) => e.name)).toEqual(['sharpen', 'sharpen', 'grayscale', 'contrast', 'usm']);
    expect(step.params.effects?.[1]).toEqual({ name: 'sharpen', amount: 10 });
    expect(step.params.effects?.[4]).toEqual({ name: 'usm', radius: 2, sigma: 2, amount: 0.8, threshold: 0.024 });
  });

  it('parses colours: hex, hex with decimal alpha, CSS names', () => {
    const [step] = parseTransformation('bg-FF000050,b-5_yellow,l-text,i-a,co-0651D5,l-end');
    expect(step.params.bg).toEqual({ kind: 'color', color: { r: 255, g: 0, b: 0, alpha: 0.5 } });
    expect(step.params.b?.color).toEqual({ r: 255, g: 255, b: 0, alpha: 1 });
    expect(step.layers[0].steps[0].params.co).toEqual({ r: 6, g: 81, b: 213, alpha: 1 });
  });

  it('builds layers with their own chains, positions and inputs; nests up to 3 levels', () => {
    const [step] = parseTransformation('w-400,l-image,i-folder@@logo.png,w-100:rt-90,lx-N20,ly-bh_mul_0.1,l-text,i-Hi%20there,l-end,l-end');
    const layer = step.layers[0];
    expect(layer).toMatchObject({ type: 'image', input: '/folder/logo.png' });
    expect(layer.steps).toHaveLength(2);
    expect(layer.position.lx).toEqual({ kind: 'num', value: -20 });
    expect(layer.steps[1].layers[0]).toMatchObject({ type: 'text', input: 'Hi there' });
    expect(paramOf('l-image,i-a,l-image,i-b,l-image,i-c,l-image,i-d,l-end,l-end,l-end,l-end')).toBe('l');
  });

  it('decodes ie- base64 text (and ignores i- when both are given)', () => {
    const ie = encodeURIComponent(encodeBase64Utf8('हिन्दी ©'));
    const [step] = parseTransformation(`l-text,ie-${ie},i-ignored,l-end`);
    expect(step.layers[0].input).toBe('हिन्दी ©');
    expect(decodeBase64Utf8('aGVsbG8=')).toBe('hello');
  });

  it('expands named transformations, built-in and resolved', () => {
    expect(parseTransformation('n-ik_ml_thumbnail')[0].params.c).toBe('at_max');
    const steps = parseTransformation('n-square:rt-90', { namedTransformation: (n) => (n === 'square' ? 'w-100,h-100' : undefined) });
    expect(steps[0].keys).toEqual(['w', 'h']);
    expect(paramOf('n-missing')).toBe('n');
  });

  it('names the parameter in every error', () => {
    expect(paramOf('w-abc')).toBe('w');
    expect(paramOf('q-101')).toBe('q');
    expect(paramOf('c-squash')).toBe('c');
    expect(paramOf('foo-1')).toBe('foo');
    expect(paramOf('oi-logo.png')).toBe('oi');
    expect(paramOf('lx-10')).toBe('lx');
    expect(paramOf('l-end')).toBe('l');
    expect(paramOf('bg-notacolour')).toBe('bg');
    expect(paramOf('')).toBe('tr');
  });

  it('keeps AI parameters as approximated instead of failing', () => {
    expect(parseTransformation('w-100,e-bgremove')[0].params.approximated).toEqual(['e-bgremove']);
  });
});

describe('expressions', () => {
  it('uses ImageKit precedence: mul/div, then add/sub, then mod, then pow', () => {
    const scope = { iw: 1000, ih: 500 };
    expect(evaluate(parseExpr('ih_mul_0.8_add_iw_mul_0.4', 'w'), scope, 'w')).toBe(800);
    expect(evaluate(parseExpr('10_add_5_mod_4', 'w'), {}, 'w')).toBe(3); // (10+5) mod 4
    expect(evaluate(parseExpr('2_add_1_pow_2', 'w'), {}, 'w')).toBe(9); // (2+1)^2
    expect(evaluate(parseExpr('iw_div_4_sub_10', 'w'), scope, 'w')).toBe(240);
    expect(() => parseExpr('iw_times_2', 'w')).toThrow(TransformationError);
  });
});

it('the catalog describes every parameter with a group and a description', () => {
  expect(PARAMETERS.length).toBeGreaterThan(40);
  for (const p of PARAMETERS) {
    expect(p.description.length, p.key).toBeGreaterThan(10);
    expect(['resize & crop', 'format & quality', 'effects', 'overlays', 'video']).toContain(p.group);
  }
});

describe('formatTransformation', () => {
  const examples = [
    'w-300,h-200:rt-90',
    'w-iw_div_2,h-ih_mul_0.5_add_10,c-at_max,fo-top_left,q-40,f-webp,pr-true',
    'w-100,ar-4-3,dpr-2,cm-pad_resize,bg-FF000050',
    'w-100,h-100,cm-extract,x-N10,y-20,fo-custom',
    'rt-N45,fl-h_v,r-10_20_30_40,b-5_CDDC39,o-50,bl-10,t-30,e-grayscale,e-sharpen-10,e-contrast,e-usm-2-2-0.8-0.024',
    'e-shadow-bl-5_st-40_x-N5_y-10,e-gradient-ld-90_from-FF0000_to-0000FF50_sp-0.5,bg-blurred_20_N40',
    'w-100,e-bgremove,e-changebg-prompt-snow,di-folder@@default.jpg',
    'l-text,i-Hello%20World,fs-50,co-0651D5,ff-fonts@@My%20Font.ttf,tg-b_i,pa-10_20,lx-N20,ly-bh_mul_0.1,l-end',
    `l-text,ie-${encodeURIComponent(encodeBase64Utf8('Ünïcødé ©'))},l-end`,
    'w-400,l-image,i-a@@b.png,w-100:rt-90,lfo-bottom_right,l-image,i-ik_canvas,bg-red,w-10,h-10,l-end,l-end:h-300',
    'so-2.5,du-idu_div_2,vc-vp9,ac-none,f-webm,q-60',
    'eo-10,vc-none,ac-opus:h-480',
    'sr-240_360_1080',
    'l-text,i-Hi,lso-1,ldu-bdu_sub_2,l-end,l-image,i-ik_canvas,bg-red,w-10,h-10,leo-3,l-end',
  ];
  it.each(examples)('round-trips %s', (tr) => {
    const steps = parseTransformation(tr);
    const written = formatTransformation(steps);
    expect(parseTransformation(written)).toEqual(steps);
  });

  it('writes canonical forms', () => {
    expect(formatTransformation(parseTransformation('w-100,ar-4_3,t-true,bg-red'))).toBe('w-100,ar-4-3,t-true,bg-FF0000');
  });
});

describe('video parameters', () => {
  it('parses trimming, codecs and streaming resolutions', () => {
    const [step] = parseTransformation('so-1.5,eo-idu_sub_1,vc-h264,ac-aac,sr-720_240,f-mp4');
    expect(step.params).toMatchObject({
      so: { kind: 'num', value: 1.5 },
      eo: { kind: 'op', op: 'sub', left: { kind: 'var', name: 'idu' }, right: { kind: 'num', value: 1 } },
      vc: 'h264',
      ac: 'aac',
      sr: [720, 240],
      f: 'mp4',
    });
  });

  it('reads layer timing as part of the layer position', () => {
    const [step] = parseTransformation('l-text,i-Hi,lso-1,ldu-2,leo-bdu_div_2,l-end');
    expect(step.layers[0].position).toMatchObject({ lso: { kind: 'num', value: 1 }, ldu: { kind: 'num', value: 2 }, leo: { kind: 'op', op: 'div' } });
  });

  it.each([
    ['so-N2', 'so'],
    ['vc-hevc', 'vc'],
    ['ac-mp3', 'ac'],
    ['sr-250', 'sr'],
    ['sr-240_240', 'sr'],
    ['lso-1', 'lso'],
    ['l-text,i-a,ldu-N1,l-end', 'ldu'],
  ])('refuses %s naming %s', (tr, param) => {
    expect(() => parseTransformation(tr)).toThrow(expect.objectContaining({ param }));
  });
});
