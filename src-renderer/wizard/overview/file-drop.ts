/**
 * Files dragged onto the window: `onDragging` says when the drop hint should show, `onFiles`
 * receives the dropped files. Returns the function that removes the listeners.
 */
export function listenForFileDrops(win: Window, onDragging: (on: boolean) => void, onFiles: (files: File[]) => void): () => void {
  let depth = 0;
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    onDragging(true);
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) onDragging(false);
  };
  const over = (e: DragEvent) => {
    if (hasFiles(e)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    onDragging(false);
    onFiles(Array.from(e.dataTransfer?.files ?? []));
  };
  win.addEventListener('dragenter', enter);
  win.addEventListener('dragleave', leave);
  win.addEventListener('dragover', over);
  win.addEventListener('drop', drop);
  return () => {
    win.removeEventListener('dragenter', enter);
    win.removeEventListener('dragleave', leave);
    win.removeEventListener('dragover', over);
    win.removeEventListener('drop', drop);
  };
}
