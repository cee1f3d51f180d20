/** One replacement in a text, in UTF-16 offsets, so hosts can apply it to a document or a file. */
export interface TextEdit {
  offset: number;
  deleteCount: number;
  insert: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteCount);
}
