// Text that fake friends write: status messages and the kind of questions customers send an
// official account, per language, so demos and search tests see realistic CJK and Thai text.
import type { Language } from "./name-pools";

export const STATUS_MESSAGES: Record<Language, readonly string[]> = {
  "zh-TW": ["今天也要加油！", "喝杯咖啡吧 ☕", "忙碌中，晚點回", "週末去爬山", "人生就是要開心"],
  ja: ["よろしくお願いします", "今日もがんばる！", "旅行中✈️", "猫が好き", "ただいま仕事中"],
  th: ["ยิ้มเข้าไว้", "วันนี้อากาศดี", "ทำงานอยู่นะ", "กินข้าวหรือยัง", "สู้ๆ"],
  en: ["Hello, LINE!", "Living the dream", "Coffee first", "On vacation 🌴", "Busy, text me"],
  id: ["Semangat!", "Sibuk kerja", "Liburan dulu", "Kopi pagi ☕", "Hidup itu indah"],
};

export const CHAT_PHRASES: Record<Language, readonly string[]> = {
  "zh-TW": [
    "請問週日有營業嗎？",
    "我想訂兩個位子，晚上七點",
    "請問這個商品還有貨嗎？",
    "謝謝！收到了",
    "運費怎麼算？",
    "可以用LINE Pay付款嗎？",
    "優惠券要怎麼使用？",
    "好的，我再考慮一下",
  ],
  ja: [
    "日曜日は営業していますか？",
    "今夜7時に2名で予約したいです",
    "この商品はまだ在庫ありますか？",
    "ありがとうございます！届きました",
    "送料はいくらですか？",
    "クーポンの使い方を教えてください",
    "了解です、また連絡します",
    "営業時間を教えてください",
  ],
  th: [
    "วันอาทิตย์เปิดไหมคะ",
    "อยากจองโต๊ะสองที่ตอนหนึ่งทุ่มครับ",
    "สินค้านี้ยังมีของไหมคะ",
    "ขอบคุณค่ะ ได้รับแล้ว",
    "ค่าส่งเท่าไหร่ครับ",
    "ใช้คูปองยังไงคะ",
    "โอเคครับ เดี๋ยวติดต่อกลับ",
    "ร้านเปิดกี่โมงคะ",
  ],
  en: [
    "Do you open on Sunday?",
    "I'd like to book a table for two at 7pm",
    "Is this item still in stock?",
    "Thanks! Got it",
    "How much is shipping?",
    "How do I use the coupon?",
    "OK, I'll think about it",
    "What are your opening hours?",
  ],
  id: [
    "Apakah buka hari Minggu?",
    "Saya mau pesan meja untuk dua orang jam 7 malam",
    "Barang ini masih ada?",
    "Terima kasih, sudah diterima",
    "Ongkos kirimnya berapa?",
    "Cara pakai kuponnya bagaimana?",
    "Oke, nanti saya kabari",
    "Jam buka tokonya kapan?",
  ],
};

export const GROUP_NAMES: readonly string[] = [
  "週末登山社",
  "台北美食團 🍜",
  "大学サークルOB会",
  "家族のグループ",
  "ทีมฟุตบอลวันเสาร์",
  "Book club",
  "Arisan Ibu-Ibu",
  "公司下午茶",
];

export const FILE_NAMES: readonly string[] = ["receipt.pdf", "order-list.csv", "menu.pdf", "notes.txt", "invoice-2025-11.pdf"];

export const LOCATIONS: readonly { title: string; address: string; latitude: number; longitude: number }[] = [
  { title: "台北101", address: "110台北市信義區信義路五段7號", latitude: 25.033964, longitude: 121.564468 },
  { title: "渋谷駅", address: "東京都渋谷区道玄坂2丁目", latitude: 35.658034, longitude: 139.701636 },
  { title: "สยามพารากอน", address: "991 ถนนพระรามที่ 1 แขวงปทุมวัน กรุงเทพมหานคร", latitude: 13.746, longitude: 100.5347 },
  { title: "Monas", address: "Gambir, Jakarta Pusat, DKI Jakarta", latitude: -6.1754, longitude: 106.8272 },
  { title: "大阪城", address: "大阪府大阪市中央区大阪城1-1", latitude: 34.6873, longitude: 135.5262 },
];
