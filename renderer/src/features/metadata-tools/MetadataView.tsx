import { FileMetadataTool, UrlMetadataTool } from './FileMetadataTool';
import { SimilarityFinder } from './SimilarityFinder';
import './metadata-tools.css';

/** The metadata tools: a file's full metadata, a URL lookup and the similarity finder. */
export function MetadataView() {
  return (
    <section className="metadata-view" role="region" aria-labelledby="metadata-heading">
      <h1 id="metadata-heading" className="visually-hidden">
        Metadata tools
      </h1>
      <FileMetadataTool />
      <UrlMetadataTool />
      <SimilarityFinder />
    </section>
  );
}
