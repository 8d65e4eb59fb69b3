import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import { useFolders, useTransferFiles } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { useDialogStore } from './dialog-store';
import { carriesFiles, readDraggedFiles } from './drag';
import { FolderActions } from './FolderActions';
import { ChevronDown, ChevronRight, Folder, FolderOpen, Library } from 'lucide-react';
import { ContextMenu } from '../../ui/controls/ContextMenu';
import { folderActionList } from './action-lists';

/** Every ancestor of a folder, root first: `/a/b` → `/`, `/a`, `/a/b`. */
function ancestors(folderPath: string): string[] {
  const parts = folderPath.split('/').filter(Boolean);
  return ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
}

/**
 * The Folders tree: one level is listed when it is expanded (lazily), the open folder is selected,
 * arrow keys move and expand (WAI-ARIA tree pattern), and files dropped on a folder move there.
 */
export function FolderTree() {
  const folderPath = useBrowserStore((s) => s.folderPath);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(['/']));
  const treeRef = useRef<HTMLUListElement>(null);
  // The folder that was right-clicked: the context menu acts on it, not on the open folder.
  const menuTarget = useRef<string>('/');

  // Opening a folder from elsewhere (breadcrumb, search) reveals it in the tree.
  useEffect(() => {
    setExpanded((prev) => {
      const missing = ancestors(folderPath).slice(0, -1).filter((p) => !prev.has(p));
      return missing.length ? new Set([...prev, ...missing]) : prev;
    });
  }, [folderPath]);

  const toggle = (path: string, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(path)) next.add(path);
      else next.delete(path);
      return next;
    });

  return (
    <div className="folder-pane">
      <FolderActions />
      <ContextMenu label="Folder actions" actions={() => folderActionList(menuTarget.current)}>
        <ul
          ref={treeRef}
          role="tree"
          aria-label="Folders"
          className="folder-tree"
          onContextMenu={(e) => {
            const item = (e.target as HTMLElement).closest<HTMLElement>('[data-folder-path]');
            menuTarget.current = item?.dataset.folderPath ?? '/';
          }}
        >
          <FolderNode path="/" name="Library" level={1} expanded={expanded} toggle={toggle} treeRef={treeRef} />
        </ul>
      </ContextMenu>
    </div>
  );
}

interface NodeProps {
  path: string;
  name: string;
  level: number;
  expanded: ReadonlySet<string>;
  toggle(path: string, open?: boolean): void;
  treeRef: RefObject<HTMLUListElement | null>;
}

function FolderNode({ path, name, level, expanded, toggle, treeRef }: NodeProps) {
  const isOpen = expanded.has(path);
  const current = useBrowserStore((s) => s.folderPath);
  const openFolder = useBrowserStore((s) => s.openFolder);
  const children = useFolders(path, isOpen);
  const move = useTransferFiles();
  const tell = useDialogStore((s) => s.tell);
  const [dropping, setDropping] = useState(false);
  const labelId = `folder-label-${path}`;
  const hasChildren = children.data ? children.data.length > 0 : true;

  const moveFocus = (from: HTMLElement, step: number | 'parent' | 'first-child') => {
    const items = [...(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const index = items.indexOf(from);
    let target: HTMLElement | undefined;
    if (step === 'parent') target = from.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined;
    else if (step === 'first-child') target = from.querySelector<HTMLElement>('[role="treeitem"]') ?? undefined;
    else target = items[Math.min(items.length - 1, Math.max(0, index + step))];
    target?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return; // handled by the focused node only
    const node = e.currentTarget;
    const handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveFocus(node, 1);
        break;
      case 'ArrowUp':
        moveFocus(node, -1);
        break;
      case 'ArrowRight':
        if (!isOpen && hasChildren) toggle(path, true);
        else moveFocus(node, 'first-child');
        break;
      case 'ArrowLeft':
        if (isOpen && path !== '/') toggle(path, false);
        else moveFocus(node, 'parent');
        break;
      case 'Enter':
      case ' ':
        openFolder(path);
        break;
      default:
        return;
    }
    if (handled) e.preventDefault();
  };

  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    setDropping(true);
  };

  const onDrop = async (e: DragEvent) => {
    setDropping(false);
    const dragged = readDraggedFiles(e.dataTransfer);
    if (!dragged) return;
    e.preventDefault();
    e.stopPropagation();
    const filePaths = dragged.filePaths.filter((p) => p.slice(0, p.lastIndexOf('/') || 1) !== path);
    if (!filePaths.length) return;
    try {
      const outcome = await move.mutateAsync({ mode: 'move', filePaths, destinationPath: path, includeVersions: false });
      tell(`Moved ${outcome.succeeded.length} of ${filePaths.length} to ${name}.`, outcome.failed);
    } catch (error) {
      tell(`Could not move the files: ${describeError(error)}`);
    }
  };

  return (
    <li
      role="treeitem"
      aria-labelledby={labelId}
      aria-level={level}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-selected={current === path}
      aria-busy={isOpen && children.isPending ? true : undefined}
      tabIndex={current === path ? 0 : -1}
      className={`folder-node${dropping ? ' is-drop-target' : ''}`}
      data-folder-path={path}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div
        className={`folder-row${current === path ? ' is-current' : ''}`}
        style={{ paddingLeft: 4 + (level - 1) * 16 }}
        onClick={(e) => {
          e.stopPropagation();
          openFolder(path);
          if (!isOpen || current === path) toggle(path);
        }}
      >
        <span className="folder-twisty" aria-hidden="true">
          {hasChildren ? isOpen ? <ChevronDown /> : <ChevronRight /> : null}
        </span>
        <span className="folder-icon" aria-hidden="true">
          {path === '/' ? <Library /> : isOpen || current === path ? <FolderOpen /> : <Folder />}
        </span>
        <span id={labelId} className="folder-name">
          {name}
        </span>
      </div>
      {isOpen && children.isError && (
        <p className="folder-error" role="alert">
          Could not list the folders in {name}: {describeError(children.error)}
        </p>
      )}
      {isOpen && children.data && children.data.length > 0 && (
        <ul role="group">
          {children.data.map((child) => (
            <FolderNode key={child.folderPath} path={child.folderPath} name={child.name} level={level + 1} expanded={expanded} toggle={toggle} treeRef={treeRef} />
          ))}
        </ul>
      )}
    </li>
  );
}
