import { folderNameOf } from './git.command';

describe('the folder of a clone', () => {
  it("is the project's name, made safe for a folder and for git's command line", () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(folderNameOf('Shorty', id)).toBe('Shorty');
    expect(folderNameOf('URL shortener / v2', id)).toBe('URL-shortener-v2');
    expect(folderNameOf('--upload-pack=touch x', id)).toBe('upload-pack-touch-x');
    expect(folderNameOf('../../etc', id)).toBe('etc');
    expect(folderNameOf('Ünïcödé Café', id)).toBe('Ünïcödé-Café');
    expect(folderNameOf('...', id)).toBe(id);
  });
});
