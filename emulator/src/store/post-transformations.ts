import type { Db } from './db.js';

export interface PostTransformationStep {
  type: 'transformation' | 'gif-to-video' | 'thumbnail' | 'abs';
  value?: string;
  protocol?: 'hls' | 'dash';
}

/** Records an upload's `transformation.post` steps for the version it created. */
export function recordPostTransformations(db: Db, fileId: string, versionId: string, steps: PostTransformationStep[]): void {
  db.prepare('INSERT OR REPLACE INTO post_transformations(version_id, file_id, steps, created_at) VALUES (?, ?, ?, ?)').run(
    versionId,
    fileId,
    JSON.stringify(steps),
    new Date().toISOString(),
  );
}

/** The post-transformation steps recorded for a version (empty when none were requested). */
export function postTransformationsOf(db: Db, versionId: string): PostTransformationStep[] {
  const row = db.prepare('SELECT steps FROM post_transformations WHERE version_id = ?').get(versionId) as { steps: string } | undefined;
  return row ? (JSON.parse(row.steps) as PostTransformationStep[]) : [];
}
