import { markdownToText } from '../src/lib/domain/authoring/article-text';
console.log(JSON.stringify(markdownToText('# The Canal\n\nIt opened in **September 1891**, see [the map](http://x).\n\n- Cost: £42,000\n> Quoted `code`')));
