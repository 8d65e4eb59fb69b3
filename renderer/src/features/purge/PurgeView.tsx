import { PurgeForm } from './PurgeForm';
import { PurgeSettings } from './PurgeSettings';
import { QuotaMeter } from './QuotaMeter';
import { RequestList } from './RequestList';
import { Suggestions } from './Suggestions';
import './purge.css';

/** The purge centre: suggestions, the purge list, the quota and the history of the open profile. */
export function PurgeView() {
  return (
    <section className="purge-view" role="region" aria-labelledby="purge-heading">
      <h1 id="purge-heading" className="visually-hidden">
        Purge
      </h1>
      <div className="purge-columns">
        <div className="purge-column">
          <QuotaMeter />
          <Suggestions />
          <PurgeForm />
          <PurgeSettings />
        </div>
        <div className="purge-column">
          <RequestList />
        </div>
      </div>
    </section>
  );
}
