import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** A file input that also accepts a dropped file; hands over the name and bytes. */
export function FilePicker({ onFile, disabled }: { onFile: (name: string, bytes: ArrayBuffer) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined | null) => {
    if (file) onFile(file.name, await file.arrayBuffer());
  };
  return (
    <div
      class={`dropzone${over ? ' over' : ''}`}
      data-testid="import-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer?.files[0]);
      }}
    >
      <label class="field">
        {t('import.choose')}
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          disabled={disabled}
          data-testid="import-file"
          onChange={(e) => {
            const input = e.currentTarget;
            void take(input.files?.[0]).then(() => (input.value = ''));
          }}
        />
      </label>
      <p class="muted">{t('import.drop')}</p>
    </div>
  );
}
