import { t, type MessageKey } from '@/lib/i18n';
import { IMPORT_ENTITIES, type Target } from '@/lib/import/presets';
import { mappingRows, isImportEntity, type ImportModel } from '@/lib/panel/models/import';

/** The kind of file and, per column, the Carnet field it feeds (editable). */
export function MappingEditor({ session: s, disabled }: { session: ImportModel; disabled?: boolean }) {
  const a = s.analyzed.value;
  if (!a) return null;
  const rows = mappingRows(a.header, s.mapping.value, s.entity.value);
  return (
    <div>
      <label class="field">
        {t('import.kind')}
        <select
          value={s.entity.value}
          disabled={disabled}
          data-testid="import-kind"
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isImportEntity(v)) s.setEntity(v);
          }}
        >
          {IMPORT_ENTITIES.map((e) => (
            <option value={e}>{t(`import.kind.${e}` as MessageKey)}</option>
          ))}
        </select>
      </label>
      <details open={rows.length <= 25}>
        <summary>
          {t('import.mapping')} ({rows.filter((r) => r.target).length} / {rows.length})
        </summary>
        <table class="mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('import.column')}</th>
              <th>{t('import.field')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.column}</td>
                <td>
                  <select
                    value={r.target}
                    disabled={disabled}
                    aria-label={r.column}
                    data-column={r.column}
                    onChange={(e) => s.setColumn(r.column, e.currentTarget.value as Target | '')}
                  >
                    <option value="">{t('import.ignore')}</option>
                    {r.choices.map((c) => (
                      <option value={c}>{c}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
