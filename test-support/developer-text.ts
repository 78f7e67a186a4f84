/**
 * Text meant for developers, which no user may see in the app, the report, an export or the
 * knowledge database: course-file names ("seed"), the model document and its section signs, the
 * fact-file name and OCR notes. A section sign of the law a caseworker cites ("servicelovens § 110")
 * is a citation, not developer text.
 */
export const DEVELOPER_TEXT = /\bseeds?\b|model\.md|knowledge-facts|\bOCR\b|(?<!servicelovens |serviceloven |efter servicelovens )§\s?\d/i;
