import { Fragment } from 'react';
import type { TSnippetPart } from '../../../shared/api/messaging.schema.js';

/**
 * A search hit's excerpt, built from its parts as text nodes with the matches in `<mark>`: the
 * server never sends markup, and whatever a message contains never becomes markup here either.
 */
export function SearchSnippet({ parts }: { parts: TSnippetPart[] }) {
  return (
    <p className="search-hit__snippet">
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </p>
  );
}
