/**
 * The one style sheet of the public pages, inlined (no extra request, no framework). Colours: text #1b1b1b
 * on white (16:1); links #0b4a8f (8.6:1); header white on #a3161a (7.4:1); muted #4a4a4a (8.9:1).
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#f3f4f6}
a{color:#0b4a8f;text-underline-offset:.15em}
a:hover{color:#06305e}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
.skip{position:absolute;left:.5rem;top:-4rem;background:#ffbf47;color:#1b1b1b;padding:.5rem 1rem;font-weight:600;z-index:2}
.skip:focus{top:.5rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
header{background:#a3161a;color:#fff;border-bottom:4px solid #f2c230}
header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{display:flex;align-items:center;gap:.6rem;color:#fff;text-decoration:none}
.brand:hover{color:#fff}
.brand svg{flex:none}
.brand b{display:block;font-size:1.15rem;letter-spacing:.02em;text-transform:uppercase}
.brand span{display:block;font-size:.85rem}
header nav{display:flex;gap:1rem}
header nav a{color:#fff;font-weight:600}
main{display:block;flex:1 0 auto;padding:1.25rem 0 2.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .75rem;color:#7a0f12}
h2{font-size:1.2rem;line-height:1.3;margin:0 0 .75rem}
.crumbs ol{list-style:none;margin:0 0 .5rem;padding:0;font-size:.9rem;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";padding:0 .4rem;color:#4a4a4a}
.panel{background:#fff;border:1px solid #d5d8dc;border-radius:6px;padding:1rem 1.1rem;margin:0 0 1rem}
.muted{color:#4a4a4a;font-size:.9rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
form.search .field{flex:1 1 16rem}
label{display:block;font-weight:600}
.hint{display:block;margin-bottom:.35rem}
input[type=search]{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #1b1b1b;border-radius:4px;background:#fff;color:#1b1b1b}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:2px solid #7a0f12;border-radius:4px;background:#a3161a;color:#fff;text-decoration:none;cursor:pointer}
button:hover,.button:hover{background:#7a0f12;color:#fff}
.results{list-style:none;margin:0;padding:0}
.results li{background:#fff;border:1px solid #d5d8dc;border-left:4px solid #a3161a;border-radius:6px;padding:.85rem 1rem;margin:0 0 .75rem}
.results h3{font-size:1.1rem;line-height:1.35;margin:0 0 .5rem}
dl.facts{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{font-weight:600;color:#4a4a4a}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.results dl.facts{font-size:.92rem}
.pager{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;margin-top:1rem}
.due{background:#fff8e1;border:1px solid #e0b100;border-left:6px solid #e0a800}
.due .date{font-size:1.25rem;font-weight:700;margin:.25rem 0}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #d5d8dc}
th{background:#f3f4f6}
th.n,td.n{text-align:center}
@media (min-width:36rem){th.c,td.c,th.n,td.n{white-space:nowrap}}
.note{display:block;color:#4a4a4a;font-size:.85rem}
.tag{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:#e6eef8;color:#0b3a70;font-size:.85rem;font-weight:600}
.tag.full{background:#e3f3e6;color:#17572a}
ul.plain{margin:0;padding-left:1.2rem}
.actions{margin:1rem 0}
.field{margin:0 0 .9rem}
.field input:not([type=radio]),.field select,.field textarea{display:block;width:100%;font:inherit;padding:.55rem .65rem;border:2px solid #1b1b1b;border-radius:4px;background:#fff;color:#1b1b1b;margin-top:.25rem}
.field input[type=file]{border-style:dashed;padding:.5rem}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#b00020}
fieldset.field{border:1px solid #d5d8dc;border-radius:6px;padding:.6rem .9rem}
legend{font-weight:600;padding:0 .3rem}
label.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.3rem 0}
label.choice input{width:1.2rem;height:1.2rem;margin:0}
.error{display:block;color:#b00020;font-weight:600;margin-top:.2rem}
.errors{border:3px solid #b00020;background:#fff;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.errors h2{color:#b00020;font-size:1.1rem}
.errors ul{margin:0;padding-left:1.2rem}
.ok{background:#e3f3e6;border-left:6px solid #17572a;padding:.6rem .9rem;border-radius:4px}
.warn,.tag.warn{background:#fff1e0;color:#6b3a00}
p.warn{border-left:6px solid #b35c00;padding:.6rem .9rem;border-radius:4px}
.attention{border-left:6px solid #b35c00}
.results li.attention{border-left-color:#b35c00}
.account{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:flex-end;font-size:.9rem;margin-bottom:.5rem}
button.link{background:none;border:none;color:#0b4a8f;text-decoration:underline;padding:0;font-weight:600}
button.link:hover{background:none;color:#06305e}
.button.secondary{background:#fff;color:#7a0f12}
.button.secondary:hover{background:#f3e6e6;color:#7a0f12}
ol.steps{margin:0;padding-left:1.3rem}
ol.steps li{margin:.25rem 0}
.or{text-transform:uppercase;font-weight:600;color:#4a4a4a}
footer{border-top:1px solid #d5d8dc;background:#fff;padding:1rem 0;font-size:.88rem;color:#4a4a4a}
@media (max-width:36rem){
h1{font-size:1.35rem}
dl.facts{grid-template-columns:1fr;gap:0}
dl.facts dd{margin-bottom:.4rem}
.results dl.facts{grid-template-columns:minmax(6.5rem,42%) 1fr;gap:.25rem .75rem}
.results dl.facts dd{margin:0}
th,td{padding:.4rem .3rem}
.panel{padding:.85rem .8rem}
}
@media print{header,footer,.skip,form.search,.actions{display:none}body{background:#fff}}
`
  .trim()
  .replace(/\n/g, '');

/**
 * The rating pages (modules/ratings): radio groups as large touch targets (the counter kiosk is a touch
 * screen), the error summary and field errors (#a3161a on white 6.9:1; #7a0f12 on #fdecea 11:1).
 */
export const RATING_CSS = `
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
fieldset{border:0;margin:0 0 1rem;padding:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.4rem}
fieldset.criteria>legend{font-size:1.2rem}
fieldset.group{border-top:1px solid #d5d8dc;padding-top:.6rem}
.choices{display:flex;flex-wrap:wrap;gap:.4rem .6rem}
label.choice{display:flex;align-items:center;gap:.45rem;font-weight:400;min-height:2.75rem;padding:.35rem .8rem;border:2px solid #6b6f75;border-radius:6px;background:#fff;cursor:pointer}
label.choice input{width:1.25rem;height:1.25rem;margin:0;accent-color:#a3161a}
label.choice:has(input:checked){border-color:#a3161a;background:#fdecea}
.req{font-weight:400;color:#4a4a4a}
.field{margin:0 0 1rem}
textarea,input[type=text]{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #1b1b1b;border-radius:4px;background:#fff;color:#1b1b1b}
input[type=text]{max-width:24rem;text-transform:uppercase}
.invalid textarea,.invalid input[type=text],.group.invalid .choices{border-left:4px solid #a3161a;padding-left:.5rem}
.field-error{color:#a3161a;font-weight:600;margin:.2rem 0 .4rem}
.error-summary{border:3px solid #a3161a;background:#fdecea;color:#7a0f12;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.error-summary h2{margin:0 0 .35rem;color:#7a0f12}
.error-summary p{margin:0}
.error-summary a{color:#7a0f12;font-weight:600}
.notice{background:#e6eef8;border-left:6px solid #0b4a8f;padding:.6rem .9rem;border-radius:4px}
.thanks{border-left:6px solid #17572a}
.thanks h1{color:#17572a}
.button.large{display:block;max-width:28rem;text-align:center;font-size:1.35rem;padding:1rem 1.5rem}
dd.comment{white-space:pre-wrap}
`
  .trim()
  .replace(/\n/g, '');
