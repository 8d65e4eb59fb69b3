/**
 * Drop-in for the `react-style-singleton` package (aliased in the Vite config), used by
 * react-remove-scroll inside Radix primitives. The package writes CSS into a new <style> element,
 * which the renderer's CSP (style-src 'self', no 'unsafe-inline') blocks and reports as a violation.
 * This version puts the same CSS into a constructable stylesheet adopted by the document: CSSOM,
 * which CSP does not govern, so the policy stays strict and the styles still apply.
 */
import { useEffect } from 'react';

interface StyleSheetHandle {
  add(style: string): void;
  remove(): void;
}

export function stylesheetSingleton(): StyleSheetHandle {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(style) {
      if (counter === 0 && typeof document !== 'undefined' && 'adoptedStyleSheets' in document) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(style);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter += 1;
    },
    remove() {
      counter -= 1;
      if (counter === 0 && sheet) {
        const gone = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== gone);
        sheet = null;
      }
    },
  };
}

export function styleHookSingleton(): (styles: string, isDynamic?: boolean) => void {
  const sheet = stylesheetSingleton();
  return (styles, isDynamic) => {
    useEffect(() => {
      sheet.add(styles);
      return () => sheet.remove();
      // Same dependency rule as the original: static styles are added once per mount.
    }, [styles && isDynamic]);
  };
}

export function styleSingleton(): (props: { styles: string; dynamic?: boolean }) => null {
  const useStyle = styleHookSingleton();
  return function Sheet({ styles, dynamic }) {
    useStyle(styles, dynamic);
    return null;
  };
}
