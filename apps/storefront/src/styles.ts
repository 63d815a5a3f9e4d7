/** The one stylesheet: phone first, system fonts, no web fonts to wait for. */
export const STYLES = `
:root{--ink:#1d2327;--muted:#5f6b72;--line:#e3e6e8;--bg:#fbfaf8;--card:#fff;--brand:#1f5f4a;--brand-ink:#fff;--warn:#a23b12;--ok:#1f6f3a;--radius:10px;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}body{margin:0}a{color:inherit}img{max-width:100%;height:auto;display:block}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .75rem}
.wrap{max-width:1120px;margin:0 auto;padding:0 16px}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.bar{display:flex;gap:12px;align-items:center;min-height:56px;flex-wrap:wrap;padding-top:6px;padding-bottom:6px}
.logo{font-weight:800;font-size:1.25rem;text-decoration:none;letter-spacing:.02em;color:var(--brand)}
.bar .sp{flex:1}.bar a.nav{text-decoration:none;font-size:.95rem}
.badge{display:inline-block;min-width:1.4em;padding:0 .35em;border-radius:1em;background:var(--brand);color:var(--brand-ink);font-size:.75rem;text-align:center;margin-left:4px}
.badge:empty{display:none}
.search{position:relative;order:5;flex-basis:100%;display:flex;gap:6px}
.search input{flex:1}
.suggest{position:absolute;top:100%;left:0;right:0;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);list-style:none;margin:4px 0 0;padding:4px;box-shadow:0 8px 24px rgba(0,0,0,.08)}
.suggest:empty{display:none}.suggest a{display:flex;justify-content:space-between;gap:8px;padding:8px;text-decoration:none;border-radius:6px}.suggest a:hover,.suggest a:focus{background:var(--bg)}
.cats{display:flex;gap:14px;overflow-x:auto;padding-bottom:8px;font-size:.9rem;white-space:nowrap}.cats a{text-decoration:none;color:var(--muted)}.cats a:hover{color:var(--ink)}
input,select,button,textarea{font:inherit}
input[type=text],input[type=search],input[type=email],input[type=password],input[type=number],input[type=tel],select{width:100%;padding:10px 12px;border:1px solid #c9cfd3;border-radius:8px;background:#fff;min-height:44px}
.btn,button{display:inline-block;border:0;border-radius:8px;background:var(--brand);color:var(--brand-ink);padding:10px 18px;min-height:44px;cursor:pointer;text-decoration:none;font-weight:600}
.btn.ghost,button.ghost{background:transparent;color:var(--ink);border:1px solid var(--line)}
.big{width:100%;font-size:1.05rem;padding:14px}
button:disabled{opacity:.5;cursor:not-allowed}
main.wrap{padding-top:16px;padding-bottom:48px}
.grid{display:grid;grid-template-columns:repeat(2,1fr);gap:12px;list-style:none;padding:0;margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);overflow:hidden;height:100%}
.card a{text-decoration:none;display:block}.card .t{padding:8px 10px 0;font-size:.9rem;font-weight:600}.card .p{padding:0 10px 10px;color:var(--muted);font-size:.9rem}
.card img{aspect-ratio:1/1;width:100%;background:#eee}
.tiles{display:grid;grid-template-columns:1fr 1fr;gap:12px;list-style:none;padding:0;margin:0}
.tile a{display:block;padding:18px;border-radius:var(--radius);background:linear-gradient(135deg,#e6efe9,#f4ede4);text-decoration:none;min-height:96px}
.tile b{display:block;font-size:1.05rem}.tile span{color:var(--muted);font-size:.85rem}
.hero{padding:28px 0 8px}.hero p{color:var(--muted);margin:0}
.listing{display:grid;gap:16px}
form.filters{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px;align-self:start}
form.filters .sort{display:block;margin-bottom:8px;font-size:.9rem;font-weight:600}
form.filters summary{font-weight:600;cursor:pointer;min-height:36px;padding-top:6px}form.filters details[open] summary{margin-bottom:8px}
fieldset{border:0;padding:0;margin:0 0 14px}legend{font-weight:600;font-size:.9rem;margin-bottom:6px}
.checks label{display:flex;gap:8px;align-items:center;font-size:.92rem;min-height:32px}.checks small{color:var(--muted)}
.row{display:flex;gap:8px;align-items:end}.row>*{flex:1}
.toolbar{display:flex;gap:8px;align-items:center;justify-content:space-between;flex-wrap:wrap;margin-bottom:12px}
.pager{display:flex;gap:12px;justify-content:center;margin-top:20px}
.product{display:grid;gap:20px}
.gallery{display:flex;overflow-x:auto;scroll-snap-type:x mandatory;gap:8px;border-radius:var(--radius)}
.gallery img{scroll-snap-align:start;flex:0 0 100%;border-radius:var(--radius);aspect-ratio:1/1}
.thumbs{display:flex;gap:8px;margin-top:8px}.thumbs img{width:64px;height:64px;border-radius:8px;border:1px solid var(--line)}
.price{font-size:1.5rem;font-weight:700}.tax{color:var(--muted);font-size:.85rem}
.avail{font-weight:600}.avail.in_stock{color:var(--ok)}.avail.low_stock{color:#8a6100}.avail.out_of_stock{color:var(--warn)}
.opts label{display:inline-flex;align-items:center;margin:0 6px 6px 0}
.opts input{position:absolute;opacity:0;width:1px;height:1px}
.opts span{display:inline-block;padding:8px 14px;border:1px solid #c9cfd3;border-radius:8px;background:#fff;min-height:40px}
.opts input:checked+span{border-color:var(--brand);box-shadow:inset 0 0 0 1px var(--brand);font-weight:600}
.opts input:focus-visible+span{outline:2px solid var(--brand);outline-offset:2px}
.opts .na span{color:#9aa3a8;text-decoration:line-through;background:#f3f4f5}
.notice{padding:12px 14px;border-radius:8px;margin:0 0 16px;border:1px solid}
.notice.err{background:#fdf1ec;border-color:#f2c3ae;color:var(--warn)}.notice.ok{background:#eef7f0;border-color:#b9dcc3;color:var(--ok)}
.lines{list-style:none;padding:0;margin:0}.lines li{display:grid;grid-template-columns:64px 1fr auto;gap:12px;padding:12px 0;border-bottom:1px solid var(--line);align-items:center}
.lines img{width:64px;height:64px;border-radius:8px}.lines .qty{display:flex;gap:6px;align-items:center}.lines .qty input{width:72px}
.totals{width:100%;border-collapse:collapse;margin:12px 0}.totals td{padding:6px 0}.totals td:last-child{text-align:right}.totals tr.grand td{font-weight:700;font-size:1.1rem;border-top:1px solid var(--line);padding-top:10px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px;margin-bottom:16px}
.form label{display:block;font-size:.9rem;margin:0 0 10px}.form label>span{display:block;margin-bottom:4px;font-weight:600}
.form .err input,.form .err select{border-color:var(--warn)}.form .msg{color:var(--warn);font-size:.85rem}
.choice{display:flex!important;gap:10px;align-items:center;padding:10px;border:1px solid var(--line);border-radius:8px}
.promos{list-style:none;padding:0;margin:0 0 8px}.promos form{display:flex;gap:6px;align-items:center;flex-wrap:wrap}.promo{margin-bottom:8px}
.muted{color:var(--muted)}.hint{color:var(--muted);font-size:.85rem}
.foot{border-top:1px solid var(--line);padding:20px 0 32px;color:var(--muted);font-size:.85rem}
.foot form{display:inline-flex;gap:6px;align-items:center}.foot select{width:auto}
.crumbs{font-size:.85rem;color:var(--muted)}.crumbs a{color:inherit}
.narrow{max-width:480px}
.account-nav{align-items:center;margin-bottom:8px}.account-nav a[aria-current]{color:var(--ink);font-weight:600}.account-nav form{margin-left:auto}
.orders li{grid-template-columns:5em 1fr auto}.orders a{font-size:1.05rem}
.addresses{grid-template-columns:1fr}.addresses address{font-style:normal}.actions{display:flex;gap:6px;flex-wrap:wrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (min-width:700px){
.top{position:sticky;top:0;z-index:5}
.grid{grid-template-columns:repeat(3,1fr);gap:16px}.tiles{grid-template-columns:repeat(4,1fr)}
.search{order:0;flex-basis:320px;flex-grow:0}
.listing{grid-template-columns:240px 1fr}.addresses{grid-template-columns:1fr 1fr}
.product{grid-template-columns:1.1fr 1fr;gap:32px}
.checkout{display:grid;grid-template-columns:1.4fr 1fr;gap:24px;align-items:start}
}
@media (min-width:1000px){.grid{grid-template-columns:repeat(4,1fr)}}
`
