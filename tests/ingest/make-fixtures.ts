/**
 * Source-format fixtures made by the tests (never downloaded): Word files
 * with `docx`, PDFs with `pdfkit` and Debian's WenQuanYi Zen Hei font. The
 * PDFs are laid out here by hand, line by line, the way a newspaper's
 * typesetter does it: justified columns (character spacing stretched to the
 * column edge), first-line indents, a headline and a lead drawn twice with a
 * 0.3 pt offset (fake bold), a photo with its caption and credit below it.
 * The text each fixture should read back as is written by hand beside the
 * HTML fixtures in tests/fixtures/formats/.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export const CJK_FONT = ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'].find((f) => existsSync(f));
const FONT_NAME: Record<string, string> = {
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc': 'WenQuanYiZenHei',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc': 'NotoSansCJKsc-Regular',
};

/** A small grey PNG (the "photo"): a real image XObject in the PDF. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) rows.push(Buffer.from([0, ...Array.from({ length: w }, (_, x) => (x * 7 + y * 3) % 256)]));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

type Doc = InstanceType<typeof PDFDocument>;

function newPdf(opts: { userPassword?: string } = {}): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: true, info: { Title: 'fixture', CreationDate: new Date(Date.UTC(2024, 8, 3)) }, ...opts });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  doc.registerFont('zh', CJK_FONT!, FONT_NAME[CJK_FONT!]);
  doc.font('zh');
  return { doc, done };
}

/** Break a paragraph into lines of at most `width` points: CJK one character at a time, Latin words whole. */
function breakLines(doc: Doc, text: string, width: number, indent: number): string[] {
  const units = text.match(/[A-Za-z0-9.%]+ ?|./gu) ?? [];
  const lines: string[] = [];
  let cur = '';
  let avail = width - indent;
  for (const u of units) {
    if (cur && doc.widthOfString((cur + u).trimEnd()) > avail) {
      lines.push(cur.trimEnd());
      cur = '';
      avail = width;
    }
    cur += u;
  }
  if (cur) lines.push(cur.trimEnd());
  return lines;
}

/**
 * Set paragraphs into a column, justified: every line but a paragraph's last
 * is stretched to the column's right edge with character spacing. Returns
 * the y after the last line. `twice` draws every line again 0.3 pt to the right.
 */
function column(doc: Doc, paras: string[], x: number, y: number, width: number, size: number, opts: { lead?: number; indent?: boolean; twice?: boolean; maxY?: number; onOverflow?: () => [number, number] } = {}): number {
  const lead = opts.lead ?? size * 1.6;
  doc.fontSize(size);
  for (const p of paras) {
    const indent = opts.indent === false ? 0 : 2 * size;
    const lines = breakLines(doc, p, width, indent);
    lines.forEach((line, i) => {
      if (opts.maxY !== undefined && y > opts.maxY && opts.onOverflow) [x, y] = opts.onOverflow();
      const lx = x + (i === 0 ? indent : 0);
      const natural = doc.widthOfString(line);
      const n = [...line].length;
      const last = i === lines.length - 1;
      const spacing = last || n < 2 ? 0 : (x + width - lx - natural) / (n - 1);
      doc.text(line, lx, y, { lineBreak: false, characterSpacing: spacing });
      if (opts.twice) doc.text(line, lx + 0.3, y, { lineBreak: false, characterSpacing: spacing });
      y += lead;
    });
  }
  return y;
}

export const COLUMNS = {
  date: '2024年9月3日 星期二',
  /** a kicker set with wide tracking (6 pt on 12 pt type) */
  kicker: '2025 AI Agent 应用大会',
  headline: '智能机器人产业集群加快成势',
  lead: '本报记者 周晓峰',
  left: [
    '在日前举办的世界机器人大会上，一款名为T1的人形机器人吸引了众多观众驻足。它能够识别二十多种常见物品，并完成分拣、搬运等动作。',
    '据介绍，这款机器人由本地一家初创企业研发，核心部件国产化率超过80%。企业负责人表示，今年产量预计达到500台，明年将翻一番。',
    '近年来，开发区围绕机器人产业链，先后引进上下游企业120余家，形成了从核心零部件到整机制造、从系统集成到应用服务的完整链条，产业规模连续三年保持两位数增长。',
  ],
  right: [
    '业内人士认为，人形机器人正从实验室走向工厂和家庭，但成本和可靠性仍是大规模应用的主要障碍，也就是工程师常说的last mile问题。',
    '为此，开发区设立了总规模20亿元的机器人产业基金，并开放了一批应用场景。下一步，还将建设公共测试平台，帮助企业缩短产品验证周期。',
  ],
};

/** A newspaper page: date line, a fake-bold headline across two columns, a fake-bold byline, two justified columns. */
export async function columnsPdf(): Promise<Buffer> {
  const { doc, done } = newPdf();
  doc.fontSize(9).text(COLUMNS.date, 50, 30, { lineBreak: false });
  doc.fontSize(12).text(COLUMNS.kicker, 50, 48, { lineBreak: false, characterSpacing: 6 });
  doc.fontSize(22);
  const hw = doc.widthOfString(COLUMNS.headline);
  const hx = (595.28 - hw) / 2;
  doc.text(COLUMNS.headline, hx, 70, { lineBreak: false });
  doc.text(COLUMNS.headline, hx + 0.3, 70, { lineBreak: false }); // fake bold
  doc.fontSize(12);
  doc.text(COLUMNS.lead, 50, 110, { lineBreak: false });
  doc.text(COLUMNS.lead, 50.3, 110, { lineBreak: false });
  // the left column's last paragraph runs over into the right column
  const colW = 235;
  let y = 140;
  const maxY = 262;
  y = column(doc, COLUMNS.left, 50, y, colW, 10.5, { maxY, onOverflow: () => [310, 140] });
  // the right column's first paragraph is set in fake bold: every line drawn twice
  y = column(doc, COLUMNS.right.slice(0, 1), 310, y, colW, 10.5, { twice: true });
  column(doc, COLUMNS.right.slice(1), 310, y, colW, 10.5);
  doc.end();
  return done;
}

export const CAPTION = {
  headline: '春耕时节农机忙',
  before: '连日来，平川县抢抓晴好天气开展春耕生产，田间地头处处是农机作业的繁忙景象。',
  caption: '4月2日，农机手在平川县一处农田里驾驶无人驾驶拖拉机翻耕土地。',
  credit: '（新华社记者 刘洋 摄）',
  after: '今年全县计划投入各类农机具1.2万台（套），主要农作物耕种收综合机械化率预计达到92%。',
};

/** One column with a photo, its caption and credit in smaller type, and text before and after. */
export async function captionPdf(): Promise<Buffer> {
  const { doc, done } = newPdf();
  doc.fontSize(18).text(CAPTION.headline, 60, 50, { lineBreak: false });
  let y = column(doc, [CAPTION.before], 60, 90, 300, 11);
  y += 6;
  doc.image(png(60, 40), 60, y, { width: 300, height: 180 });
  y += 186;
  column(doc, [CAPTION.caption], 60, y, 300, 9, { indent: false, lead: 13 });
  y += 13;
  doc.fontSize(9);
  const cw = doc.widthOfString(CAPTION.credit);
  doc.text(CAPTION.credit, 360 - cw, y, { lineBreak: false });
  y += 28;
  column(doc, [CAPTION.after], 60, y, 300, 11);
  doc.end();
  return done;
}

export const PAGES = {
  title: '关于做好今年秋季农业生产工作的通知',
  paras: [
    '各县（市、区）农业农村局：',
    '当前正值秋收秋种关键时期，为切实做好今年秋季农业生产工作，确保粮食丰收到手、冬种面积稳定，现将有关事项通知如下。',
    '一是抓好秋粮收获。各地要密切关注天气变化，组织农机跨区作业，做到成熟一块、收获一块，确保颗粒归仓。要提前检修烘干设备，防止因连阴雨造成霉变损失。',
    '二是扩大冬种面积。要落实好小麦、油菜等冬种作物的种子、化肥供应，引导农户适期播种，力争冬种面积稳中有增。',
    '三是强化技术指导。组织农技人员深入田间地头，开展面对面、手把手的技术服务，帮助农民解决生产中的实际困难。',
  ],
};

/** A two-page notice: a paragraph runs over the page break, page numbers (— 1 —) at each foot. */
export async function pagesPdf(): Promise<Buffer> {
  const { doc, done } = newPdf();
  let page = 1;
  const folio = () => {
    doc.fontSize(10);
    const t = `— ${page} —`;
    doc.text(t, (595.28 - doc.widthOfString(t)) / 2, 800, { lineBreak: false });
  };
  doc.fontSize(16);
  doc.text(PAGES.title, (595.28 - doc.widthOfString(PAGES.title)) / 2, 80, { lineBreak: false });
  column(doc, PAGES.paras.slice(0, 1), 90, 130, 415, 12, { indent: false });
  column(doc, PAGES.paras.slice(1), 90, 130 + 19.2, 415, 12, {
    maxY: 150,
    onOverflow: () => {
      folio();
      doc.addPage();
      page++;
      doc.fontSize(12);
      return [90, 80];
    },
  });
  folio();
  doc.end();
  return done;
}

export const ROTATED = {
  headline: '横排转竖排的版面',
  body: '这一页在文件里是竖放的A4纸，页面属性要求顺时针旋转九十度显示，内容则按逆时针方向写入，所以读者看到的是一页正常的横向版面，文字从左到右排列。',
};

/** A landscape page made the way scanners and imposition tools do: /Rotate 90, content drawn turned back. */
export async function rotatedPdf(): Promise<Buffer> {
  const { doc, done } = newPdf();
  (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.Rotate = 90;
  doc.save();
  doc.rotate(-90, { origin: [297.64, 420.945] });
  // in this frame the shown page spans x -123.3 … 718.6, y 123.3 … 718.6
  doc.fontSize(18).text(ROTATED.headline, -60, 160, { lineBreak: false });
  column(doc, [ROTATED.body], -60, 200, 320, 11);
  doc.restore();
  doc.end();
  return done;
}

/** A page whose only content is an image: what a scanner makes. */
export async function scannedPdf(): Promise<Buffer> {
  const { doc, done } = newPdf();
  doc.image(png(80, 100), 40, 40, { width: 500, height: 700 });
  doc.end();
  return done;
}

export async function encryptedPdf(): Promise<Buffer> {
  const { doc, done } = newPdf({ userPassword: 'secret' });
  doc.fontSize(12).text('加密文件', 50, 50, { lineBreak: false });
  doc.end();
  return done;
}

export const POLICY = {
  title: '关于加快推进智能制造发展的实施意见',
  number: '东政办发〔2024〕12号',
  intro: '各区县人民政府，市政府各部门：',
  body: '为加快推进智能制造发展，经市政府同意，现提出如下意见。',
  h2a: '一、总体目标',
  goal: '到2027年，全市规模以上工业企业数字化改造基本完成，建成智能工厂50家以上。',
  h2b: '二、重点任务',
  tasks: ['实施设备更新行动。', '培育系统解决方案供应商。', '建设工业互联网平台。'],
  tableHead: ['指标', '2024年', '2027年'],
  tableRows: [
    ['智能工厂（家）', '10', '50'],
    ['数字化车间（个）', '60', '200'],
  ],
  signer: '东岭市人民政府办公室',
  date: '2024年5月20日',
  softBreakA: '本意见自印发之日起施行。',
  softBreakB: '由市工业和信息化局负责解释。',
};

/** A policy document: headings, a numbered list, a table, a soft line break, a closing date line. */
export async function policyDocx(): Promise<Buffer> {
  const P = POLICY;
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    creator: '东岭市政府办公室',
    title: P.title,
    numbering: { config: [{ reference: 'tasks', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: P.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: P.number, alignment: AlignmentType.CENTER }),
          new Paragraph(P.intro),
          new Paragraph({ children: [new TextRun('为加快推进'), new TextRun({ text: '智能制造', bold: true }), new TextRun('发展，经市政府同意，现提出如下意见。')] }),
          new Paragraph({ text: P.h2a, heading: HeadingLevel.HEADING_2 }),
          new Paragraph(P.goal),
          new Paragraph({ text: P.h2b, heading: HeadingLevel.HEADING_2 }),
          ...P.tasks.map((t) => new Paragraph({ text: t, numbering: { reference: 'tasks', level: 0 } })),
          new Table({ rows: [P.tableHead, ...P.tableRows].map((r) => new TableRow({ children: r.map(cell) })) }),
          new Paragraph({ children: [new TextRun(P.softBreakA), new TextRun({ text: P.softBreakB, break: 1 })] }),
          new Paragraph({ text: P.signer, alignment: AlignmentType.RIGHT }),
          new Paragraph({ text: P.date, alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Write every fixture into `dir`; returns their paths by name. */
export async function writeFixtures(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const put = (name: string, bytes: Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    out[name] = p;
  };
  put('policy.docx', await policyDocx());
  if (CJK_FONT) {
    put('columns.pdf', await columnsPdf());
    put('caption.pdf', await captionPdf());
    put('rotated.pdf', await rotatedPdf());
    put('pages.pdf', await pagesPdf());
    put('scanned.pdf', await scannedPdf());
    put('encrypted.pdf', await encryptedPdf());
  }
  return out;
}
