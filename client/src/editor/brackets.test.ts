import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { FIRST_TEXT, communique, headlessEditor } from '../testing/headlessEditor';
import {
  bracketSelection,
  bracketSpans,
  holderIds,
  liftBracket,
  liftedText,
  offerAlternative,
  parseAlternatives,
  removeBracket,
  spanAt,
} from './brackets';
import { bracketRenderings, bracketTitle, bracketsKey } from './bracketsPlugin';
import { withContext } from './draftingContext';

const TEXT = 'Calls upon all states to cooperate';

function editorWith(text = TEXT): Editor {
  return headlessEditor(communique(['p-1', 'op', text], ['p-2', 'op', 'Decides to meet again']));
}

/** Selects `word` inside the first paragraph. */
function select(editor: Editor, word: string, text = TEXT): void {
  const at = text.indexOf(word);
  editor.commands.setTextSelection({ from: FIRST_TEXT + at, to: FIRST_TEXT + at + word.length });
}

function apply(editor: Editor, tr: ReturnType<typeof bracketSelection>): void {
  expect(tr).not.toBeNull();
  editor.view.dispatch(tr!);
}

function firstParagraphText(editor: Editor): string {
  return editor.state.doc.child(1).textContent;
}

describe('[B1] brackets', () => {
  it('a delegation brackets the selected words for itself', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    const spans = bracketSpans(editor.state.doc);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ text: 'Calls upon', paragraphId: 'p-1', holders: [{ by: 'pk', at: 1000 }] });
    editor.destroy();
  });

  it('a second delegation joins the bracket: one run, both holders, earliest first', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    // India puts its caret inside Pakistan's bracket and brackets: it joins the whole run
    editor.commands.setTextSelection(FIRST_TEXT + 3);
    apply(editor, bracketSelection(editor.state, 'in', 2000));
    const spans = bracketSpans(editor.state.doc);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.text).toBe('Calls upon');
    expect(holderIds(spans[0]!)).toEqual(['pk', 'in']);
    editor.destroy();
  });

  it('a selection overlapping a bracket grows the bracket instead of making a second one', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    select(editor, 'upon all');
    apply(editor, bracketSelection(editor.state, 'cn', 3000));
    const spans = bracketSpans(editor.state.doc);
    expect(spans.map((s) => [s.text, holderIds(s).join()])).toEqual([['Calls upon all', 'pk,cn']]);
    editor.destroy();
  });

  it('bracketing again keeps one mark per delegation and its first time', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 5000));
    const marks = editor.state.doc.child(1).child(0).marks.filter((m) => m.type.name === 'bracket');
    expect(marks.map((m) => m.attrs)).toEqual([{ by: 'pk', at: 1000 }]);
    editor.destroy();
  });

  it('a caret outside any bracket brackets nothing', () => {
    const editor = editorWith();
    editor.commands.setTextSelection(FIRST_TEXT + 2);
    expect(bracketSelection(editor.state, 'pk', 1)).toBeNull();
    editor.destroy();
  });

  it('a delegation removes its own bracket; the others keep theirs', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    apply(editor, bracketSelection(editor.state, 'in', 2000));
    apply(editor, removeBracket(editor.state, bracketSpans(editor.state.doc)[0]!, 'pk'));
    expect(bracketSpans(editor.state.doc).map((s) => holderIds(s))).toEqual([['in']]);
    expect(removeBracket(editor.state, bracketSpans(editor.state.doc)[0]!, 'pk')).toBeNull();
    editor.destroy();
  });

  it('an alternative is offered inside the bracket, held by the same delegations', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    apply(editor, bracketSelection(editor.state, 'in', 2000));
    apply(editor, offerAlternative(editor.state, bracketSpans(editor.state.doc)[0]!, '  Urges '));
    const spans = bracketSpans(editor.state.doc);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.text).toBe('Calls upon | Urges');
    expect(holderIds(spans[0]!)).toEqual(['pk', 'in']);
    expect(firstParagraphText(editor)).toBe('Calls upon | Urges all states to cooperate');
    expect(offerAlternative(editor.state, spans[0]!, '   ')).toBeNull();
    editor.destroy();
  });

  it('spanAt finds the bracket around a caret, including at its edges', () => {
    const spans = [{ from: 10, to: 20, text: 'x', holders: [], paragraphId: null }];
    expect(spanAt(spans, 10)).toBe(spans[0]);
    expect(spanAt(spans, 20)).toBe(spans[0]);
    expect(spanAt(spans, 12, 18)).toBe(spans[0]);
    expect(spanAt(spans, 9)).toBeUndefined();
    expect(spanAt(spans, 15, 21)).toBeUndefined();
  });
});

describe('[B1] alternatives', () => {
  it('splits on | and trims each alternative', () => {
    expect(parseAlternatives('Calls upon | Urges')).toEqual({ lead: '', trail: '', alternatives: ['Calls upon', 'Urges'] });
    expect(parseAlternatives('Calls upon|Urges|Invites').alternatives).toEqual(['Calls upon', 'Urges', 'Invites']);
  });

  it('keeps the whitespace around the bracket and ignores empty alternatives', () => {
    expect(parseAlternatives(' all states | | every state ')).toEqual({ lead: ' ', trail: ' ', alternatives: ['all states', 'every state'] });
    expect(parseAlternatives('single')).toEqual({ lead: '', trail: '', alternatives: ['single'] });
    expect(parseAlternatives('   ').alternatives).toEqual([]);
  });

  it('the lifted text is the chosen alternative with the outer whitespace', () => {
    expect(liftedText('Calls upon | Urges', 'Urges')).toBe('Urges');
    expect(liftedText(' all states | every state', 'every state')).toBe(' every state');
    expect(liftedText('x | y', '')).toBe('');
  });
});

describe('[B1] lifting a bracket', () => {
  function bracketed(editor: Editor): void {
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    apply(editor, bracketSelection(editor.state, 'in', 2000));
    apply(editor, offerAlternative(editor.state, bracketSpans(editor.state.doc)[0]!, 'Urges'));
  }

  it('keeps the chosen alternative and removes every bracket mark', () => {
    const editor = editorWith();
    bracketed(editor);
    editor.view.dispatch(liftBracket(editor.state, bracketSpans(editor.state.doc)[0]!, 'Urges'));
    expect(firstParagraphText(editor)).toBe('Urges all states to cooperate');
    expect(bracketSpans(editor.state.doc)).toEqual([]);
    editor.destroy();
  });

  it('keeping the first alternative drops the others', () => {
    const editor = editorWith();
    bracketed(editor);
    editor.view.dispatch(liftBracket(editor.state, bracketSpans(editor.state.doc)[0]!, 'Calls upon'));
    expect(firstParagraphText(editor)).toBe('Calls upon all states to cooperate');
    expect(bracketSpans(editor.state.doc)).toEqual([]);
    editor.destroy();
  });

  it('keeps other formatting of the bracketed text and leaves other paragraphs alone', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    editor.commands.setBold();
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    editor.view.dispatch(liftBracket(editor.state, bracketSpans(editor.state.doc)[0]!, 'Calls upon'));
    const first = editor.state.doc.child(1).child(0);
    expect(first.text).toBe('Calls upon');
    expect(first.marks.map((m) => m.type.name)).toEqual(['bold']);
    expect(editor.state.doc.child(2).textContent).toBe('Decides to meet again');
    editor.destroy();
  });
});

describe('[B1] bracket rendering', () => {
  const delegations = {
    pk: { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728' },
    in: { id: 'in', name: 'India', short: 'IN', color: '#2ca02c' },
  };

  it('one rendering per bracketed run with its holders in order and their codes and colours', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', Date.UTC(2017, 5, 6, 9, 3)));
    apply(editor, bracketSelection(editor.state, 'in', Date.UTC(2017, 5, 6, 9, 5)));
    select(editor, 'cooperate');
    apply(editor, bracketSelection(editor.state, 'in', Date.UTC(2017, 5, 6, 9, 7)));
    const r = bracketRenderings(editor.state.doc, delegations);
    expect(r.map((x) => x.holders)).toEqual(['pk,in', 'in']);
    expect(r[0]!.codes).toEqual([
      { short: 'PK', color: '#d62728', name: 'Pakistan' },
      { short: 'IN', color: '#2ca02c', name: 'India' },
    ]);
    expect(r[0]!.title).toMatch(/^Bracketed by Pakistan at \d\d:\d\d, India at \d\d:\d\d$/);
    expect(editor.state.doc.textBetween(r[0]!.from, r[0]!.to)).toBe('Calls upon');
    editor.destroy();
  });

  it('an unknown delegation is shown by its id', () => {
    expect(bracketTitle([{ by: 'xx', at: null }], {})).toBe('Bracketed by XX');
  });

  it('the plugin draws an open widget, the span and a close widget per bracket, and follows the delegations', () => {
    const editor = editorWith();
    select(editor, 'Calls upon');
    apply(editor, bracketSelection(editor.state, 'pk', 1000));
    const decos = () => bracketsKey.getState(editor.state)!.find();
    expect(decos()).toHaveLength(3);
    const inline = decos().find((d) => (d.spec as object) && d.to - d.from === 'Calls upon'.length);
    expect(inline).toBeDefined();
    editor.view.dispatch(withContext(editor.state.tr, { delegations }));
    const titled = bracketsKey
      .getState(editor.state)!
      .find()
      .map((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.title)
      .filter(Boolean);
    expect(titled[0]).toMatch(/^Bracketed by Pakistan/);
    editor.destroy();
  });
});
