import { useSelectedFiles } from '../../ui/browser-store';
import { useUrlBuilderStore } from './builder-store';

/** The file the URL is for: a library path or absolute URL typed in, or the file selected in the browser. */
export function SourceField() {
  const src = useUrlBuilderStore((s) => s.src);
  const setSrc = useUrlBuilderStore((s) => s.setSrc);
  const setSigned = useUrlBuilderStore((s) => s.setSigned);
  const selected = useSelectedFiles()[0];

  return (
    <div className="ub-source">
      <label htmlFor="ub-src">Path or URL</label>
      <div className="ub-row">
        <input id="ub-src" type="text" placeholder="/folder/image.jpg" value={src} onChange={(e) => setSrc(e.target.value)} />
        <button
          type="button"
          disabled={!selected}
          title={selected ? selected.filePath : 'Select a file in the Library first.'}
          onClick={() => {
            if (!selected) return;
            setSrc(selected.filePath);
            if (selected.isPrivateFile) setSigned(true);
          }}
        >
          Use selected file{selected ? ` (${selected.name})` : ''}
        </button>
      </div>
    </div>
  );
}
