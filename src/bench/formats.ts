/**
 * npm run bench:formats: how fast the source readers are, on generated
 * documents (never downloaded, never committed):
 *   - web pages: a news page with navigation, ads, related lists and
 *     comments around an article of 40 paragraphs; MB/s of HTML read;
 *   - Word files: made with `docx` (a dev dependency): headings, paragraphs,
 *     a table; MB/s of .docx read;
 *   - PDFs: made with `pdfkit` and Debian's WenQuanYi Zen Hei: two justified
 *     columns per A4 page, a fake-bold headline; pages per second; and pages
 *     with a 3.8-megapixel photo, read with images skipped (the default) and
 *     decoded.
 * One core (the readers run where the worker runs); best of --repeat passes
 * (default 3). Options: --pages N (PDF pages, default 40), --docs N (pages and
 * Word files, default 40).
 */
import { existsSync } from 'node:fs';
import { readHtml } from '../ingest/formats/html.js';
import { readDocx } from '../ingest/formats/docx.js';
import { readPdf } from '../ingest/formats/pdf.js';
import { numberArg } from './args.js';

const repeat = Math.floor(numberArg('--repeat', 3));
const pdfPages = Math.floor(numberArg('--pages', 40));
const docs = Math.floor(numberArg('--docs', 40));
const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

const SENTENCES = [
  '今年以来，全市坚持以项目建设为抓手，新开工重大项目42个，总投资约365亿元。',
  '园区一期占地约1200亩，预计明年6月建成投产，届时可吸纳就业约3000人。',
  '新区还设立了总规模50亿元的产业基金，重点支持新能源、新材料和高端装备等领域。',
  '业内人士认为，人形机器人正从实验室走向工厂和家庭，但成本和可靠性仍是主要障碍。',
  '前三季度，全省规模以上工业增加值同比增长6.2%，高于全国平均水平0.8个百分点。',
  '下一步，还将建设公共测试平台，帮助企业缩短产品验证周期，降低研发成本。',
];
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => SENTENCES[Math.floor(rnd() * SENTENCES.length)]).join('');

function page(i: number): string {
  const paras = Array.from({ length: 40 }, () => `<p>${paragraph()}</p>`).join('\n');
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/c/${k}">频道${k}</a></li>`).join('');
  const related = Array.from({ length: 10 }, (_, k) => `<li><a href="/a/${k}">相关新闻标题第${k}条</a></li>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${i}篇 - 新闻网</title>
<meta property="article:published_time" content="2024-09-03T08:00:00+08:00"><script>var x = ${i};</script></head>
<body><nav><ul>${nav}</ul></nav><div class="ad">广告位招租</div><main><article><h1>第${i}篇新闻标题</h1>
<div class="info">来源：新闻网　作者：记者${i}</div>${paras}</article>
<section class="related"><h3>相关新闻</h3><ul>${related}</ul></section>
<section class="comments"><div>网友：好！</div></section></main><footer>版权所有</footer></body></html>`;
}

function best(fn: () => Promise<void>): Promise<number> {
  return (async () => {
    let b = Infinity;
    for (let r = 0; r < repeat; r++) {
      const t = performance.now();
      await fn();
      b = Math.min(b, (performance.now() - t) / 1000);
    }
    return b;
  })();
}

async function main(): Promise<void> {
  // web pages
  const pages = Array.from({ length: docs }, (_, i) => page(i));
  const htmlBytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  let htmlChars = 0;
  const th = await best(async () => {
    htmlChars = 0;
    for (const p of pages) htmlChars += readHtml('bench.html', p).text.length;
  });
  console.log(`html: ${docs} pages, ${(htmlBytes / 1e6).toFixed(2)} MB in ${th.toFixed(2)} s: ${(htmlBytes / 1e6 / th).toFixed(2)} MB/s, ${(docs / th).toFixed(1)} pages/s (${htmlChars} characters of text)`);

  // Word files
  const { Document, Packer, Paragraph, HeadingLevel, Table, TableRow, TableCell } = await import('docx');
  const docxFiles: Buffer[] = [];
  for (let i = 0; i < docs; i++) {
    const children = [
      new Paragraph({ text: `关于推进第${i}项工作的实施意见`, heading: HeadingLevel.HEADING_1 }),
      ...Array.from({ length: 60 }, (_, k) => (k % 12 === 0 ? new Paragraph({ text: `${k / 12 + 1}、重点任务`, heading: HeadingLevel.HEADING_2 }) : new Paragraph(paragraph()))),
      new Table({ rows: Array.from({ length: 10 }, (_, r) => new TableRow({ children: [`指标${r}`, `${r * 10}`, `${r * 20}`].map((t) => new TableCell({ children: [new Paragraph(t)] })) })) }),
      new Paragraph('2024年5月20日'),
    ];
    docxFiles.push(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  }
  const docxBytes = docxFiles.reduce((n, b) => n + b.length, 0);
  const td = await best(async () => {
    for (const b of docxFiles) await readDocx('bench.docx', b);
  });
  console.log(`docx: ${docs} files, ${(docxBytes / 1e6).toFixed(2)} MB in ${td.toFixed(2)} s: ${(docxBytes / 1e6 / td).toFixed(2)} MB/s, ${(docs / td).toFixed(1)} files/s`);

  // PDFs
  if (!existsSync(FONT)) {
    console.log(`pdf: skipped: no CJK font at ${FONT} (apt-get install fonts-wqy-zenhei)`);
    return;
  }
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  doc.registerFont('zh', FONT, 'WenQuanYiZenHei');
  doc.font('zh');
  for (let p = 0; p < pdfPages; p++) {
    if (p > 0) doc.addPage();
    doc.fontSize(20);
    doc.text(`第${p + 1}版新闻标题`, 60, 40, { lineBreak: false });
    doc.text(`第${p + 1}版新闻标题`, 60.3, 40, { lineBreak: false });
    doc.fontSize(10.5);
    for (const x of [50, 310]) {
      let y = 90;
      while (y < 790) {
        const text = paragraph();
        const chars = [...text];
        for (let k = 0, first = true; k < chars.length && y < 790; first = false) {
          const lx = x + (first ? 21 : 0);
          const n = Math.floor((235 - (lx - x)) / 10.5);
          const line = chars.slice(k, k + n).join('');
          k += n;
          const full = k < chars.length;
          const natural = doc.widthOfString(line);
          const spacing = full && n > 1 ? (x + 235 - lx - natural) / (n - 1) : 0;
          doc.text(line, lx, y, { lineBreak: false, characterSpacing: spacing });
          y += 16.8;
        }
      }
    }
  }
  doc.end();
  const pdf = await done;
  let chars = 0;
  const tp = await best(async () => {
    chars = (await readPdf('bench.pdf', pdf)).text.length;
  });
  console.log(`pdf: ${pdfPages} pages, ${(pdf.length / 1e6).toFixed(2)} MB in ${tp.toFixed(2)} s: ${(pdfPages / tp).toFixed(1)} pages/s, ${(pdf.length / 1e6 / tp).toFixed(2)} MB/s (${chars} characters of text)`);

  // photo pages: a 3.8-megapixel photo and a caption per page; images skipped (the default) and decoded
  const { deflateSync, crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([head, td, crc]);
  };
  const [w, h] = [2400, 1600];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const r = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w * 3; x++) r[1 + x] = (x * 7 + y * 13 + ((x * y) % 17)) & 255;
    rows.push(r);
  }
  const photo = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
  const photoDoc = new PDFDocument({ size: 'A4', margin: 0 });
  const pchunks: Buffer[] = [];
  photoDoc.on('data', (c: Buffer) => pchunks.push(c));
  const pdone = new Promise<Buffer>((res) => photoDoc.on('end', () => res(Buffer.concat(pchunks))));
  photoDoc.registerFont('zh', FONT, 'WenQuanYiZenHei');
  photoDoc.font('zh');
  const photoPages = 10;
  for (let p = 0; p < photoPages; p++) {
    if (p > 0) photoDoc.addPage();
    photoDoc.image(photo, 50, 50, { width: 400, height: 266 });
    photoDoc.fontSize(9).text('图为施工现场。（记者 王海 摄）', 50, 322, { lineBreak: false });
    photoDoc.fontSize(10.5).text(paragraph(), 50, 350, { width: 480 });
  }
  photoDoc.end();
  const photoPdf = await pdone;
  const tSkip = await best(async () => void (await readPdf('photos.pdf', photoPdf)));
  const tFull = await best(async () => void (await readPdf('photos.pdf', photoPdf, { images: true })));
  console.log(`pdf with photos: ${photoPages} pages, ${(photoPdf.length / 1e6).toFixed(1)} MB: ${(photoPages / tSkip).toFixed(1)} pages/s (images skipped, the default), ${(photoPages / tFull).toFixed(1)} pages/s with images decoded`);
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; best of ${repeat} passes, one core`);
}

await main();
