// Common passwords refused as new passwords (see passwordProblem): the most used ones worldwide and in
// Poland (names, words, football clubs, cities, keyboard walks such as zaq12wsx), and words of this
// service (usterka, centrala, urząd miasta). Lower case, separated by white space; a password also counts
// as common when it is one of these with digits or signs before or after it ("haslo123!").
export const COMMON_PASSWORDS = `
123456 123456789 12345678 12345 1234567 1234567890 111111 000000 123123 654321 666666 121212 112233 159753
147258369 987654321 0987654321 11111111 1111111111 0000000000 00000000 1234512345 123321 123654 7777777
77777777 88888888 99999999 55555555 12341234 123123123 1234554321 12344321 11223344 112233445566 123456123456
1234567891 12345678910 1234567899 1122334455 1212121212 1231231231 123qwe 123qweasd 123qweasdzxc 123abc 147258
147852 147852369 159357 159951 258456 321321 456123 456789 789456 789456123 741852963 963852741 123789 135790
0123456789 01234567 9876543210 123456a 123456q 123456789a 123456789q a123456 a123456789 q123456 q1w2e3r4
q1w2e3r4t5 q1w2e3r4t5y6 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2 1qaz2wsx3edc 1qaz@wsx
zaq12wsx zaq1xsw2 zaq1@wsx zaq12wsxcde3 zaq1zaq1 xsw2zaq1 zaqwsx zaqwsxcde qazwsx qazwsxedc qazxsw qazxswedc
qweasd qweasdzxc qweqwe qwe123 qwe123qwe asd123 asdasd asdqwe zxc123 zxcasd zxczxc abc123 abcd1234 abcdef
abcdefg abcdefgh abcdefghij abc12345 aaaaaa aaaaaaaaaa aaaaaaaa qqqqqq qqqqqqqqqq zzzzzz xxxxxx qwerty qwerty1
qwerty12 qwerty123 qwerty1234 qwerty12345 qwerty123456 qwertyu qwertyui qwertyuiop qwertz qwertzuiop azerty
azertyuiop asdf asdfg asdfgh asdfghj asdfghjk asdfghjkl zxcv zxcvb zxcvbn zxcvbnm zxcvbnm123 mnbvcxz
poiuytrewq lkjhgfdsa ytrewq 1qwerty qwerty! password password1 password12 password123 password1234 password!
passw0rd p@ssword p@ssw0rd pa55word pa$$word passwort passwd pass pass123 pass1234 password01 mypassword
newpassword oldpassword yourpassword thepassword secretpassword adminpassword passpass password2 password3
passwordpassword letmein letmein1 welcome welcome1 welcome123 welcome2024 welcome2025 welcome2026 hello
hello123 helloworld iloveyou iloveyou1 iloveyou2 loveyou lovely loveme love love123 lover lovers ilovegod
ihateyou monkey dragon master sunshine princess football baseball basketball soccer hockey shadow superman
batman spiderman ironman trustno1 admin admin1 admin12 admin123 admin1234 administrator administrator1 root
toor login login1 login123 starwars whatever freedom charlie donald michael jennifer jordan jordan23 hunter
ranger buster killer george andrew harley thomas robert daniel matthew ashley jessica pepper ginger cheese
summer winter spring autumn orange banana apple chocolate computer internet secret secret1 secret123 changeme
changeme1 default guest guest123 test test1 test12 test123 test1234 testing testing123 tester access access1
flower mustang maggie tigger cookie silver golden diamond samsung google facebook microsoft windows windows10
windows11 linux ubuntu oracle mysql postgres postgresql system server network service support office office365
manager user user123 username demo demo123 sample example qwerty2024 qwerty2025 qwerty2026 zaq123 zaq12345
zaq1234 lol123 lol12345 abc abcabc michelle nicole jasmine amanda melissa sarah samantha jessica1 andrea
daniela elizabeth victoria alexander william joshua anthony christopher justin brandon tyler austin kevin
richard charles joseph nicholas benjamin jonathan patrick edward steven ronald timothy scott eric stephen
larry frank fuckyou fuckyou1 fuckoff asshole bitch shit pussy dick cock sex sexy sexsex porn qwerty11 qwerty00
1234qwer qwer1234 qwer asdf1234 1234asdf zxcv1234 1234zxcv football1 baseball1 soccer1 hockey1 tennis golf
boxing chelsea arsenal liverpool manutd barcelona realmadrid juventus milan inter bayern dortmund ajax celtic
rangers united city everton dragon1 monkey1 master1 shadow1 sunshine1 princess1 superman1 batman1 michael1
charlie1 jordan1 hunter1 ranger1 buster1 killer1 tigger1 cookie1 maggie1 pepper1 ginger1 starwars1 matrix
matrix1 trinity neo morpheus gandalf frodo hobbit legolas pokemon pikachu naruto sasuke goku vegeta mario
luigi zelda sonic minecraft fortnite roblox warcraft counterstrike halflife skyrim diablo starcraft league
dota overwatch valorant nintendo playstation xbox xbox360 ps4 ps5 steam gamer gaming player1 cowboy cowboys
eagles eagle falcon falcons tiger tigers lion lions bear bears wolf wolves panther panthers shark sharks
dolphin dolphins phoenix hawk hawks raven ravens yankees redsox lakers bulls celtics steelers packers patriots
broncos giants purple yellow green blue red black white pink brown violet november december january february
march april may june july august september october monday tuesday wednesday thursday friday saturday sunday
blink182 metallica nirvana slipknot linkinpark eminem beatles rammstein angel angel1 angels baby baby1
babygirl babyboy sweetie sweetheart honey honey1 sugar darling cutie princesa bonita amor amore teamo tequiero
mylove forever forever1 always together jesus jesus1 jesuschrist christ god godisgood faith hope grace blessed
heaven church mother father family friends friend brother sister daughter mommy daddy hannah emily olivia
sophia emma isabella ava mia abigail madison chloe jack jacob ethan noah liam mason logan lucas oliver james
john david chicken pizza pizza1 burger coffee beer vodka whisky whiskey wine tequila money money1 money123
cash dollar dollars rich million millionaire lucky lucky7 lucky13 magic wizard merlin knight king queen prince
castle kingdom empire rainbow butterfly flowers sunflower rose roses lily daisy hello1 hi hey yes no ok okay
nothing something anything everything qwerty7 qwerty8 qwerty9 asdf123 abc1234 a1b2c3 a1b2c3d4 a1b2c3d4e5
1a2b3c 1a2b3c4d aa123456 aa12345678 abc123456 abcd123 abcd12345 abcde abcde12345 q1w2e3 q1w2e3r4t5y6u7
1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p 1qa2ws3ed 1qa2ws3ed4rf zse4xdr5 xdr5tgb rfvtgb tgbyhn
qawsed qawsedrf !qaz2wsx !qaz@wsx 1qaz!qaz 1q2w3e! qwerty!@# !@#$%^ !@#$%^&* !@#$%^&*() 1q!2w@3e# haslo haslo1
haslo12 haslo123 haslo1234 haslo12345 hasło hasło1 hasło123 haselko haslo2024 haslo2025 haslo2026 maslo polska
polska1 polska123 polska12 polak polka polaczek kochanie kochanie1 kocham kochamcie kochamciebie kochamcie1
kochamja kochana kochany misiek misiek1 misiaczek misiu misia misiek123 mis123 zabcia zabka zabka1 myszka
myszka1 kotek kotek1 kotki kicia kiciusia piesek piesek1 pieseczek slonko slonko1 sloneczko słonko słoneczko
skarbie skarb skarbek kwiatuszek kwiatek biedronka biedronka1 cukierek cukiereczek ksiezniczka księżniczka
krolewna królewna aniolek aniołek aniol anioł diabel diabeł diablica dupa dupa1 dupa12 dupa123 dupa1234
dupadupa chuj kurwa kurwa1 jebac pierdole spierdalaj cipa mamusia mamuska mama mama1 mama123 tata tata1 tatus
tatuś rodzina rodzinka przyjaciel przyjaciolka przyjaźń przyjazn marcin marcin1 tomek tomek1 tomasz tomasz1
piotr piotr1 piotrek pawel paweł pawel1 michal michał michal1 lukasz łukasz lukasz1 kamil kamil1 mateusz
mateusz1 jakub jakub1 kuba kuba1 adrian adrian1 dawid dawid1 damian damian1 karol karol1 patryk patryk1 szymon
szymon1 filip filip1 bartek bartek1 bartosz bartosz1 krzysztof krzysiek krzysiek1 grzegorz grzesiek marek
marek1 jacek jacek1 wojtek wojtek1 wojciech rafal rafał rafal1 robert1 artur artur1 sebastian sebastian1
przemek przemek1 przemyslaw dariusz darek mariusz mariusz1 andrzej andrzej1 jan janek janek1 jasiek adam adam1
adam123 stanislaw stanisław tadeusz jozef józef zbigniew jerzy ryszard henryk kazimierz wladyslaw władysław
janusz slawomir sławomir mirek miroslaw leszek zdzislaw zdzisław bogdan roman waldek wieslaw agnieszka
agnieszka1 katarzyna kasia kasia1 kasienka monika monika1 magda magda1 magdalena basia basia1 barbara asia
asia1 joanna ania ania1 anna anna1 anka ola ola1 aleksandra olka karolina karolina1 natalia natalia1 paulina
paulina1 patrycja patrycja1 justyna justyna1 dominika dominika1 weronika weronika1 wiktoria wiktoria1 martyna
martyna1 marta marta1 ewa ewa1 ewelina ewelina1 gosia gosia1 malgosia małgosia malgorzata małgorzata iwona
iwona1 beata beata1 dorota dorota1 renata renata1 edyta sylwia sylwia1 klaudia klaudia1 julia julia1 zuzia
zuzanna zuzia1 maja maja1 lena lena1 hania hanna amelia alicja alicja1 emilka emilia marysia maria maria1
krystyna halina danuta elzbieta elżbieta teresa jadwiga irena grazyna grażyna kowalski nowak wisniewski
wiśniewski wojcik wójcik kowalczyk kaminski kamiński lewandowski zielinski zieliński szymanski szymański
wozniak woźniak dabrowski dąbrowski kozlowski kozłowski jankowski mazur kwiatkowski krawczyk piotrowski
grabowski nowakowski pawlowski michalski legia legia1 legia1916 legiawarszawa lech lechpoznan wisla wisła
wislakrakow widzew widzew1 widzew1910 widzewlodz lks lkslodz lechia lechiagdansk jagiellonia pogon pogoń
cracovia gornik górnik ruch ruchchorzow slask śląsk korona zaglebie zagłębie motor arka stal rakow raków piast
lodz łódź lodz1 lodzkie łódzkie lodzianin lodzianka manufaktura piotrkowska baluty bałuty widzewska polesie
gorna górna srodmiescie śródmieście warszawa warszawa1 krakow kraków poznan poznań gdansk gdańsk wroclaw
wrocław szczecin bydgoszcz lublin katowice bialystok białystok gdynia czestochowa częstochowa radom torun
toruń kielce rzeszow rzeszów olsztyn opole zakopane sopot styczen styczeń luty marzec kwiecien kwiecień maj
czerwiec lipiec sierpien sierpień wrzesien wrzesień pazdziernik październik listopad grudzien grudzień
poniedzialek poniedziałek wtorek sroda środa czwartek piatek piątek sobota niedziela wiosna lato jesien jesień
zima wakacje ferie urlop weekend czerwony zielony niebieski czarny bialy biały zolty żółty rozowy różowy
fioletowy samochod samochód komputer komputer1 internet1 telefon laptop szkola szkoła praca praca1 praca123
biuro biuro1 urzad urząd urzad1 urzad123 urzadmiasta urzędmiasta miasto miasto1 gmina centrala centrala1
operator operator1 koordynator kierownik kierownik1 pracownik pracownik1 usterka usterka1 usterka123 usterki
zgloszenie zgłoszenie zgloszenia uml umlodz uml123 lodzkiurzad tygrys tygrysek lew lewek smok smoczek wilk
wilczek orzel orzeł sokol sokół pies kot mysz zaba żaba kurczak kaczka kaczor krolik królik chomik rybka konik
konie kon koń czekolada truskawka truskawki malina maliny jagoda jagody cytryna pomarancza pomarańcza jablko
jabłko banan cebula kapusta pierogi kielbasa kiełbasa schabowy bigos zurek żurek kotlet piwo piwo1 piwko wodka
wódka zubrowka żubrówka tyskie zywiec żywiec lech1 harnas harnaś perla gwiazda gwiazdka gwiazdeczka niebo
slonce słońce ksiezyc księżyc morze gory góry las rzeka jezus jezus1 maryja bog bóg bozia matka ojciec syn
corka córka brat siostra babcia dziadek wolnosc wolność niepodleglosc ojczyzna polskagurom bialoczerwoni
solidarnosc solidarność cezary cezary1 marian mieczyslaw eugeniusz edward1 zenon zenek heniek stefan wacek
nikola nikola1 oliwia oliwia1 nina laura lucja łucja helena hela kinga kinga1 izabela iza milosc miłość kocur
kociak koteczek pieseczek1 misiu1 slodziak słodziak slodka słodka qwerty1234567 qwertyuiop1 qwertyuiop123
asdfghjkl1 zxcvbnm1 poiuytrewq1 haslomaslo mojehaslo moje_haslo nowehaslo nowe_haslo tajnehaslo tajne tajne123
sekret sekret1 trudnehaslo latwehaslo łatwehasło proste proste123 zmienhaslo zmiana zmiana123 start start123
witaj witaj1 witaj123 witamy czesc cześć hej hejka siema siemka elo nara dobranoc dziendobry zaloguj logowanie
zalogujmnie konto konto1 konto123 uzytkownik użytkownik admin2024 admin2025 admin2026 administrator123
adminadmin rootroot superuser supervisor supervisor1 manager1 manager123 qwerty1! password1! welcome1! abc123!
qwerty123! haslo123! 1234567a 12345678a 12345678q 1234567q a1234567 a12345678 q1234567 q12345678 1qazxsw23edc
2wsx3edc 3edc4rfv 4rfv5tgb 5tgb6yhn 6yhn7ujm 1qaz 2wsx 3edc zaq!2wsx zaq1@wsx3 xsw23edc cde34rfv iloveu ilovu
iluvu iloveyou! ilovemom ilovedad ilovemyself trustme believe dreamer dreams destiny serenity infinity
eternity paradise liberty justice america canada australia england london paris berlin tokyo newyork
california texas florida chicago boston miami qwerty22 qwerty69 69696969 696969 420420 420blaze 1337 31337
leet hacker hacker1 zaq1 xsw2 cde3 vfr4 bgt5 nhy6 mju7 ki89 lo90 poiuyt lkjhgf mnbvcx qazplm plmokn jordan123
michael123 charlie123 monkey123 dragon123 shadow123 master123 hunter123 summer123 winter123 spring123
autumn123 football123 baseball123 soccer123 princess123 sunshine123 superman123 batman123 polska2024
polska2025 polska2026 lato2024 lato2025 zima2024 zima2025 wiosna2025 jesien2025 styczen2026 grudzien2025
listopad2025 aaaa1111 1111aaaa 1q1q1q1q 2w2w2w2w a1a1a1a1 q1q1q1q1 1a1a1a1a z1z1z1z1 asdfasdf qwerqwer
zxcvzxcv asdasdasd qweqweqwe zxczxczxc abcabc123 aaa111 abc111 qqq111 zzz111 password2024 password2025
password2026 haslo2023 password2023 qwerty2023 summer2024 summer2025 winter2024 winter2025 spring2025
autumn2025 secure secure1 security security1 private private1 personal confidential nopassword nopass forgot
forgotten remember rememberme computer1 computer123 internet123 laptop1 laptop123 1234abcd abcd4321 4321 54321
654321a 0987654321a qaz123 wsx123 edc123 qaz12345 wsx12345
`;
