// pieceStarts: where the pieces of a row's wrapped cells, printed after its first line, may start.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {pieceStarts} from '../../src/extract/pieces.ts';
import {isBlankLine, splitLines, tokenizeLines} from '../../src/extract/lines.ts';

/** The texts of the tokens marked as piece starts in a text's lines. */
function marked(text: string): string[] {
  const lines = splitLines(text);
  const tokens = tokenizeLines(lines);
  const starts = pieceStarts(tokens, (no) => isBlankLine(lines[no - 1].text));
  return tokens.filter((t) => starts.has(t)).map((t) => t.text);
}

test('pieceStarts: the line after a row\'s first line of several cells (pdftotext -raw)', () => {
  const raw = '为巴州群众提供社会保险 有效保障 计划标准 有效保 6 按评判等级 工作资料\n服务 赋分\n满意度\n指标';
  assert.deepEqual(marked(raw), ['服务', '赋分']);
});

test('pieceStarts: in a blank-separated dump (MuPDF) a line of print is a run of lines between blank ones', () => {
  const mupdf = '为巴州群众提供社会保险 有效保障\n计划标准\n有效保\n6\n按评判等级\n工作资料\n\n\n服务\n赋分\n\n满意度\n\n指标';
  assert.deepEqual(marked(mupdf), ['服务', '赋分']);
});

test('pieceStarts: nothing after lines of one or two tokens (one cell per line)', () => {
  assert.deepEqual(marked('核定1995年以前企业退\n\n休人数（人）\n\n=885 人\n\n计划标准'), []);
});
