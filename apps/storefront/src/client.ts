/**
 * The only JavaScript the storefront sends: small enhancements of pages that already work without
 * it (cart badge, instant search, filters that apply themselves, the variant picker's live price).
 * Plain ES2020, no framework, no build step.
 */
export const CLIENT_JS = `(function(){
var d=document;
function $(s,r){return (r||d).querySelector(s)}
function $$(s,r){return Array.prototype.slice.call((r||d).querySelectorAll(s))}
var m=d.cookie.match(/(?:^|; )kassa_cart_count=(\\d+)/);
var b=$('[data-cart-count]');if(b&&m&&m[1]!=='0')b.textContent=m[1];
var sf=$('form[data-suggest]');
if(sf){var inp=$('input[name=q]',sf),list=$('.suggest',sf),timer,seq=0;
inp.setAttribute('autocomplete','off');
inp.addEventListener('input',function(){clearTimeout(timer);var q=inp.value.trim();
if(q.length<2){list.innerHTML='';return}
timer=setTimeout(function(){var n=++seq;
fetch(sf.getAttribute('data-suggest')+'?q='+encodeURIComponent(q)).then(function(r){return r.json()}).then(function(items){
if(n!==seq)return;list.innerHTML='';items.forEach(function(it){var li=d.createElement('li'),a=d.createElement('a'),t=d.createElement('span'),p=d.createElement('span');
a.href=it.url;t.textContent=it.title;p.textContent=it.price||'';p.className='muted';a.appendChild(t);a.appendChild(p);li.appendChild(a);list.appendChild(li)})}).catch(function(){})},200)});
d.addEventListener('keydown',function(e){if(e.key==='Escape')list.innerHTML=''})}
if(matchMedia('(min-width:700px)').matches)$$('form.filters details').forEach(function(x){x.open=true});
$$('form[data-autosubmit]').forEach(function(f){f.addEventListener('change',function(e){if(e.target.type!=='number')f.submit()});
var s=$('[data-apply]',f);if(s)s.classList.add('sr')});
$$('a[data-thumb]').forEach(function(a){a.addEventListener('click',function(e){var t=d.getElementById(a.getAttribute('href').slice(1));
if(t){e.preventDefault();t.parentNode.scrollTo({left:t.offsetLeft-t.parentNode.offsetLeft,behavior:'smooth'})}})});
var vf=$('form[data-variants]');
if(vf){var vs=JSON.parse($('#variants').textContent),price=$('[data-price]'),av=$('[data-availability]'),btn=$('button[type=submit]',vf),vid=$('input[name=variant_id]',vf);
function sel(){var o={};$$('input[type=radio]:checked',vf).forEach(function(r){o[r.getAttribute('data-option')]=r.value});return o}
function match(o){return vs.filter(function(v){return Object.keys(o).every(function(k){return v.options[k]===o[k]})})}
function upd(){var o=sel(),v=match(o)[0];
$$('input[type=radio]',vf).forEach(function(r){var k=r.getAttribute('data-option'),t={};for(var x in o)t[x]=o[x];t[k]=r.value;
var ok=match(t).some(function(v){return v.available});r.parentNode.classList.toggle('na',!ok)});
if(v){if(price&&v.price)price.textContent=v.price;if(av){av.textContent=v.label;av.className='avail '+v.availability}
if(vid)vid.value=v.id;btn.disabled=!v.available}else{btn.disabled=true;if(av){av.textContent=vf.getAttribute('data-none');av.className='avail out_of_stock'}}}
vf.addEventListener('change',upd);upd()}
})();`
