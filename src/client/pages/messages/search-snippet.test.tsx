import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchSnippet } from './search-snippet.js';

describe('the search snippet', () => {
  it('marks the matched words and shows everything else as text', () => {
    const html = renderToStaticMarkup(
      <SearchSnippet
        parts={[
          { text: 'Emma er i ', match: false },
          { text: 'klassen', match: true },
          { text: ' <img src=x onerror="alert(1)"> <mark>falsk</mark>', match: false },
        ]}
      />,
    );
    expect(html).toBe(
      '<p class="search-hit__snippet">Emma er i <mark>klassen</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;mark&gt;falsk&lt;/mark&gt;</p>',
    );
  });
});
