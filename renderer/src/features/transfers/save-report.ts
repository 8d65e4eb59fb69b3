import { fetchTransferReport } from '../../api/transfers';
import { reportFileName } from './job-view';

/**
 * Saves the job's latest report as JSON through the page's own download: the browser saves it to
 * its downloads folder, and in the Electron app Chromium's download asks where to save it.
 */
export async function saveReport(jobId: string): Promise<string> {
  const report = await fetchTransferReport(jobId);
  const name = reportFileName(jobId);
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once started; the next task is late enough to let it go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
