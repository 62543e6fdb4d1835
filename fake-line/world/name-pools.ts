// Display-name material per language. Names are assembled from common given names and surnames,
// sometimes in the casual forms people actually use on LINE (nicknames, romanised names, an emoji).
import type { Rng } from "../core/prng";

export type Language = "zh-TW" | "ja" | "th" | "en" | "id";

const ZH_SURNAMES = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭", "邱", "曾", "廖", "賴", "徐"];
const ZH_GIVEN = [
  "志明",
  "淑芬",
  "怡君",
  "雅婷",
  "家豪",
  "俊傑",
  "美玲",
  "建宏",
  "宗翰",
  "欣怡",
  "冠宇",
  "佳穎",
  "承恩",
  "詩涵",
  "柏翰",
  "宜蓁",
  "子軒",
  "品妍",
  "彥廷",
  "思妤",
];
const ZH_NICK = ["小美", "阿明", "小雯", "阿傑", "小花", "胖胖", "小魚", "阿Ken"];
const ZH_EN = ["Amy", "Kevin", "Vivian", "Jason", "Grace", "Eric", "Iris", "Leo"];

const JA_SURNAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "斎藤",
  "清水",
];
const JA_GIVEN = [
  "翔太",
  "陽菜",
  "大翔",
  "結衣",
  "蓮",
  "美咲",
  "悠真",
  "さくら",
  "健太",
  "愛",
  "拓海",
  "葵",
  "湊",
  "ひなた",
  "直樹",
  "由美",
  "誠",
  "真央",
  "亮",
  "彩",
];
const JA_KANA = ["ゆうこ", "たけし", "みほ", "けんじ", "あやか", "しょう", "まゆ", "りょう"];

const TH_GIVEN = ["สมชาย", "สมศรี", "ณัฐพล", "กมลชนก", "ธนพล", "พิมพ์ชนก", "วรวุฒิ", "สุภาพร", "อนุชา", "จิราพร", "ปิยะพงษ์", "ศิริพร", "ธีรวัฒน์", "นภัสสร", "กิตติพงษ์", "อรอุมา"];
const TH_NICK = ["ต้น", "ปุ๊ก", "เบียร์", "มายด์", "ฝน", "บีม", "แนน", "กอล์ฟ"];
const TH_LATIN = ["Beam", "Nan", "Golf", "Mind", "Fon", "Ton", "Bee", "Ploy"];

const EN_GIVEN = ["Emily", "James", "Olivia", "Liam", "Sophia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloe", "Daniel", "Grace", "Ryan", "Hannah", "Kevin"];
const EN_SURNAMES = ["Smith", "Johnson", "Brown", "Lee", "Wilson", "Taylor", "Clark", "Walker", "Hall", "Young"];

const ID_GIVEN = ["Putri", "Budi", "Siti", "Agus", "Dewi", "Rizky", "Ayu", "Andi", "Fitri", "Dimas", "Nur", "Eko", "Indah", "Bayu"];
const ID_SURNAMES = ["Santoso", "Wijaya", "Saputra", "Pratama", "Lestari", "Hidayat", "Kusuma", "Nugroho"];

const EMOJI = ["🌸", "🍙", "☕", "🐱", "⭐", "🎵", "🌈", "🍀"];

export function displayName(rng: Rng, language: Language): string {
  const name = baseName(rng, language);
  return rng.chance(0.08) ? `${name}${rng.pick(EMOJI)}` : name;
}

function baseName(rng: Rng, language: Language): string {
  switch (language) {
    case "zh-TW":
      return rng.weighted<() => string>([
        [() => rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN), 6],
        [() => rng.pick(ZH_NICK), 2],
        [() => `${rng.pick(ZH_EN)} ${rng.pick(ZH_SURNAMES)}`, 2],
      ])();
    case "ja":
      return rng.weighted<() => string>([
        [() => rng.pick(JA_SURNAMES) + rng.pick(JA_GIVEN), 5],
        [() => `${rng.pick(JA_SURNAMES)} ${rng.pick(JA_GIVEN)}`, 2],
        [() => rng.pick(JA_KANA), 3],
      ])();
    case "th":
      return rng.weighted<() => string>([
        [() => `${rng.pick(TH_NICK)} ${rng.pick(TH_GIVEN)}`, 4],
        [() => rng.pick(TH_GIVEN), 3],
        [() => rng.pick(TH_LATIN), 3],
      ])();
    case "en":
      return `${rng.pick(EN_GIVEN)} ${rng.pick(EN_SURNAMES)}`;
    case "id":
      return rng.chance(0.6) ? `${rng.pick(ID_GIVEN)} ${rng.pick(ID_SURNAMES)}` : rng.pick(ID_GIVEN);
  }
}
