import { useBrowserStore } from '../../ui/browser-store';

/** Where the browser is: Library › a › b, each step opens that folder. */
export function Breadcrumb() {
  const folderPath = useBrowserStore((s) => s.folderPath);
  const openFolder = useBrowserStore((s) => s.openFolder);
  const parts = folderPath.split('/').filter(Boolean);
  const steps = [{ name: 'Library', path: '/' }, ...parts.map((name, i) => ({ name, path: `/${parts.slice(0, i + 1).join('/')}` }))];
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {steps.map((step, i) => (
          <li key={step.path}>
            {i === steps.length - 1 ? (
              <span aria-current="page">{step.name}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => openFolder(step.path)}>
                {step.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
