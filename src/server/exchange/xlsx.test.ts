import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UnreadableFile, cellText, sheetFromXlsx, xlsxFromRows } from './xlsx.ts';
import { checkZipSizes } from './zip-guard.ts';

const workbook = () =>
  xlsxFromRows({
    header: [
      ['', 'prs_FirstName', 'lnt_AgeAtRegistration'],
      ['', 'First Name', 'Age at Registration'],
    ],
    rows: [
      ['1', '=1+1', '30'],
      ['2', 'Олена', ''],
    ],
    numeric: new Set([0, 2]),
    about: ['about'],
  });

describe('cellText', () => {
  it('gives the text a person sees, dates as YYYY-MM-DD', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('Amina')).toBe('Amina');
    expect(cellText(2348012345678)).toBe('2348012345678');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(1998, 3, 12)))).toBe('1998-04-12');
    expect(cellText({ richText: [{ text: 'Ami' }, { text: 'na' }] })).toBe('Amina');
    expect(cellText({ text: 'a@example.org', hyperlink: 'mailto:a@example.org' })).toBe(
      'a@example.org',
    );
    expect(cellText({ formula: 'A1&B1', result: 'Amina' })).toBe('Amina');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });
});

describe('XLSX', () => {
  it('writes the toolkit layout and reads it back as text', async () => {
    const bytes = await workbook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Case Sheet')!;
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C3').value).toBe(30);
    expect(wb.getWorksheet('about')!.getCell('A1').value).toBe('about');

    const sheet = await sheetFromXlsx(bytes);
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['', 'prs_FirstName', 'lnt_AgeAtRegistration'] },
      { row: 2, cells: ['', 'First Name', 'Age at Registration'] },
      { row: 3, cells: ['1', '=1+1', '30'] },
      { row: 4, cells: ['2', 'Олена'] },
    ]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(sheetFromXlsx(Buffer.from('First Name,Gender'))).rejects.toThrow(UnreadableFile);
  });
});

describe('checkZipSizes', () => {
  it('lets an ordinary workbook through', async () => {
    expect(checkZipSizes(await workbook())).toBeNull();
  });

  it('refuses a file that is not a ZIP', () => {
    expect(checkZipSizes(Buffer.from('not a zip at all, not at all'))).toBe(
      'the file is not an XLSX workbook',
    );
  });

  it('refuses a workbook declaring more than 256 MiB of content', async () => {
    const bytes = Buffer.from(await workbook());
    const entry = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0xfffffff0, entry + 24);
    expect(checkZipSizes(bytes)).toBe('the workbook unpacks to more than 256 MiB');
  });
});
