/** The course examples shipped with the app (data/examples) and the copies made of them. */
import type { SomDocument } from './schema';

/** How the course examples shipped with the app (data/examples) say who wrote them. */
export const COURSE_EXAMPLE_MARK = '(eksempelberegning)';

/**
 * A copy of one of the course examples: its values are the course's, written without a knowledge
 * release (so nothing says where they came from), and the notice on opening says so in those words.
 */
export function isCourseExample(doc: Pick<SomDocument, 'createdWith' | 'knowledge'>): boolean {
  return doc.knowledge === null && doc.createdWith.endsWith(COURSE_EXAMPLE_MARK);
}
