import { z } from 'zod';
import { channel } from './define';
import type {
  CharacteristicsTable,
  Consequences,
  Dimension,
  ExportFile,
  ImportProgress,
  ImportResult,
  LinesForResult,
  LocalPrice,
  OtherKnowledge,
  PriceRow,
  ReleaseEntry,
  StudyDetail,
  StudyFacets,
  StudyPage,
  SuccessMeasure,
  TargetGroup,
  Theme,
  WorkbookImportPreview,
  WorkbookImportSummary,
} from '../knowledge/types';
import { STUDY_QUALITIES, STUDY_SORT_COLUMNS } from '../knowledge/studies';

const id = z.string().min(1).max(200);
const ids = z.array(id).max(500);
const texts = z.array(z.string().max(500)).max(500);

/** Filters of the effect-study list (all optional; within a list OR, between lists AND). */
export const studyFilterSchema = z
  .object({
    themeIds: ids.optional(),
    targetGroupIds: ids.optional(),
    interventions: texts.optional(),
    measures: texts.optional(),
    designs: texts.optional(),
    qualities: z.array(z.enum(STUDY_QUALITIES)).max(3).optional(),
    countries: texts.optional(),
    /** Free text (full-text search over title, intervention, measure, target group, country). */
    text: z.string().max(200).optional(),
    /** "Tallenes kilde": true = only example data, false = only Socialstyrelsen's figures; absent = all. */
    illustrative: z.boolean().optional(),
  })
  .strict();

export const priceFilterSchema = z
  .object({
    targetGroupIds: ids.optional(),
    areas: texts.optional(),
    dimensions: ids.optional(),
  })
  .strict();

export const exportSections = ['targetGroups', 'studies', 'consequences', 'prices', 'other'] as const;

/** Chosen by the renderer so it can ask for progress and cancel while the import runs. */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const token = z.string().regex(/^[a-f0-9]{16,64}$/);

const amount = z.number().finite().min(0).max(1e9);

export const knowledgeChannels = {
  'knowledge.themes': channel<Theme[]>()(z.object({}).strict()),
  'knowledge.targetGroups': channel<TargetGroup[]>()(
    z.object({ themeIds: ids.optional(), /** Full-text search over label, group, sub-group and delimitation. */ text: z.string().max(200).optional() }).strict(),
  ),
  'knowledge.characteristics': channel<CharacteristicsTable>()(z.object({ targetGroupIds: ids }).strict()),
  'knowledge.studies': channel<StudyPage>()(
    studyFilterSchema
      .extend({
        sort: z.object({ column: z.enum(STUDY_SORT_COLUMNS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
  ),
  'knowledge.studyFacets': channel<StudyFacets>()(studyFilterSchema),
  'knowledge.study': channel<StudyDetail>()(z.object({ id }).strict()),
  'knowledge.successMeasures': channel<SuccessMeasure[]>()(z.object({ targetGroupId: id }).strict()),
  'knowledge.dimensions': channel<Dimension[]>()(z.object({}).strict()),
  'knowledge.consequences': channel<Consequences>()(z.object({ targetGroupId: id, successMeasureId: id }).strict()),
  'knowledge.prices': channel<PriceRow[]>()(priceFilterSchema),
  'knowledge.other': channel<OtherKnowledge>()(z.object({}).strict()),
  'knowledge.linesFor': channel<LinesForResult>()(z.object({ targetGroupId: id, successMeasureId: id }).strict()),
  'knowledge.export': channel<ExportFile>()(
    z
      .object({
        section: z.enum(exportSections),
        /** Section filters: study filters for 'studies', price filters for 'prices', {targetGroupIds, successMeasureId} for 'consequences'. */
        filters: z
          .object({
            ...studyFilterSchema.shape,
            areas: texts.optional(),
            dimensions: ids.optional(),
            successMeasureId: id.optional(),
          })
          .strict()
          .default({}),
        format: z.enum(['xlsx', 'csv']),
      })
      .strict(),
  ),
  'knowledge.exportTemplate': channel<ExportFile>()(z.object({}).strict()),
  'knowledge.importRelease': channel<ImportResult>()(
    z
      .object({
        fileName: z.string().min(1).max(260),
        /** The .xlsx file, base64 (at most ~20 MB decoded). */
        base64: z.string().min(1).max(28_000_000),
      })
      .strict(),
  ),
  /** Reads Socialstyrelsen's SØM workbook (.xlsx/.xlsm, ≤ 50 MB) by its table headers; nothing changes until confirmed. */
  'knowledge.importWorkbook': channel<WorkbookImportPreview>()(
    z
      .object({
        jobId: jobId.optional(),
        fileName: z.string().min(1).max(260),
        /** The file, base64 (at most 50 MiB decoded). */
        base64: z.string().min(1).max(70_000_000),
      })
      .strict(),
  ),
  /** A table copied from Excel (tab-separated text), recognised the same way. */
  'knowledge.importPaste': channel<WorkbookImportPreview>()(z.object({ jobId: jobId.optional(), text: z.string().min(1).max(20_000_000) }).strict()),
  /** "Brug disse tal": builds the previewed release and makes it active. */
  'knowledge.importConfirm': channel<{ release: ReleaseEntry; summary: WorkbookImportSummary }>()(z.object({ token, jobId: jobId.optional() }).strict()),
  /** "Annullér": forgets the preview. */
  'knowledge.importDiscard': channel<{ discarded: boolean }>()(z.object({ token }).strict()),
  'knowledge.importProgress': channel<ImportProgress | null>()(z.object({ jobId }).strict()),
  'knowledge.importCancel': channel<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  'knowledge.releases': channel<ReleaseEntry[]>()(z.object({}).strict()),
  'knowledge.selectRelease': channel<ReleaseEntry>()(z.object({ id }).strict()),
  'knowledge.localPrices': channel<LocalPrice[]>()(z.object({}).strict()),
  'knowledge.setLocalPrice': channel<LocalPrice>()(
    z
      .object({
        dimensionId: id,
        targetGroupId: id.nullable().default(null),
        kommune: amount.nullable(),
        region: amount.nullable(),
        stat: amount.nullable(),
        priceYear: z.number().int().min(1990).max(2100),
        note: z.string().max(2000).default(''),
      })
      .strict(),
  ),
  'knowledge.resetLocalPrice': channel<{ removed: boolean }>()(
    z.object({ dimensionId: id, targetGroupId: id.nullable().default(null) }).strict(),
  ),
};
