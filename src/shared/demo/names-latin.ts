/** Name pools written in Latin script (national orthography, with diacritics where it has them). */
import { names, type NameGroup } from './name-pool.ts';

/** Edo, Yoruba, Igbo and Hausa names and the English names common across southern Nigeria. */
const nigerian: NameGroup = {
  script: 'Latin',
  familyShare: 0.92,
  masculine: names(`Osaro, Efosa, Osagie, Osas, Emeka, Chinedu, Tunde, Segun, Ikenna, Uche, Ifeanyi,
    Musa, Ibrahim, Sani, Yusuf, Samuel, Daniel, John, Godwin, Friday, Sunday, Kingsley, Emmanuel,
    Collins, Victor, Eghosa, Nosa, Babatunde, Chukwuma, Abdullahi`),
  feminine:
    names(`Blessing, Joy, Precious, Faith, Gift, Mercy, Esther, Osasere, Osayuki, Efe, Ngozi,
    Chioma, Adaeze, Funmilayo, Folake, Aisha, Amina, Hauwa, Favour, Happiness, Peace, Grace,
    Patience, Comfort, Success, Glory, Princess, Rita, Vivian, Juliet, Osaretin, Itohan`),
  family: names(`Osagie, Igbinedion, Omoregie, Osaghae, Ehigiator, Okoro, Okafor, Eze, Nwosu,
    Okonkwo, Adeyemi, Adebayo, Ogunleye, Balogun, Bello, Abubakar, Mohammed, Usman, Ibrahim, Obi,
    Uzor, Edokpayi, Iyamu, Aigbe, Ogbeide, Okungbowa, Uwadiae, Eweka, Idahosa, Oronsaye`),
};

const filipino: NameGroup = {
  script: 'Latin',
  familyShare: 0.95,
  masculine: names(`Jose, Juan, Mark, John Paul, Michael, Jerome, Ramon, Rolando, Renato, Eduardo,
    Christian, Joel, Ariel, Rommel, Arnel, Dennis, Ronald, Jayson, Kevin, Carlo, Paolo, Nestor,
    Edgar, Rodel, Jomar, Reynaldo, Danilo, Jun`),
  feminine:
    names(`Maria, Ana, Rosalie, Marites, Jocelyn, Maricel, Mary Grace, Lorna, Analyn, Rowena,
    Cristina, Jennifer, Michelle, Angelica, Kristine, Rachelle, Marilou, Liza, Gemma, Marissa,
    Josephine, Evelyn, Nenita, Divina, Erlinda, Joy, Mylene, Rhea, Aileen, Arlene`),
  family: names(`Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada,
    Castillo, Flores, Villanueva, Ramos, Castro, Rivera, Navarro, Salazar, Mercado, Dela Cruz,
    De Leon, Gonzales, Lopez, Manalo, Dizon, Pascual, Soriano, Domingo, Aguilar, Macaraeg`),
};

/** Romania and Moldova (Moldovans also appear in Cyrillic, in the Russian pool). */
const romanian: NameGroup = {
  script: 'Latin',
  familyShare: 0.96,
  masculine: names(`Andrei, Alexandru, Ion, Mihai, Gheorghe, Vasile, Constantin, Florin, Marian,
    Ionuț, Cristian, Daniel, Adrian, Nicolae, Dumitru, Ștefan, Gabriel, Bogdan, Costel, Petru,
    Sorin, Cătălin, Vlad, Valentin, Marius, Dorin, Sergiu, Victor, Vadim, Iurie`),
  feminine:
    names(`Maria, Elena, Ioana, Andreea, Ana, Mihaela, Alina, Cristina, Gabriela, Florentina,
    Georgiana, Mariana, Daniela, Ionela, Nicoleta, Roxana, Larisa, Denisa, Bianca, Alexandra,
    Diana, Raluca, Simona, Loredana, Carmen, Oana, Violeta, Natalia, Tatiana, Doina, Veronica`),
  family: names(`Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu,
    Rusu, Munteanu, Constantin, Marin, Moldovan, Lungu, Ursu, Ceban, Cebotari, Țurcanu, Balan,
    Sârbu, Dobre, Barbu, Nistor, Florea, Toma, Cojocaru, Rotari`),
};

/** Given names here are the final, called name; most people also carry a middle name. */
const vietnamese: NameGroup = {
  script: 'Latin',
  familyShare: 0.97,
  familyFirst: true,
  masculine: names(`Minh, Hùng, Dũng, Tuấn, Nam, Hải, Long, Thành, Quang, Hiếu, Đức, Phúc, Khánh,
    Huy, Bảo, Trung, Sơn, Thắng, Cường, Toàn, Tài, Việt, Hoàng, Vinh, Phong, An, Khoa, Lâm, Tú, Đạt`),
  feminine: names(`Lan, Hương, Linh, Mai, Hoa, Ngọc, Thảo, Trang, Hằng, Nhung, Phương, Thu, Huyền,
    Yến, Loan, Vy, Anh, Hà, Nga, Dung, Hạnh, Tuyết, Thủy, Quỳnh, Oanh, Nhi, Hiền, Liên, Vân, Diệp`),
  family: names(`Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương,
    Lý, Đinh, Trương, Lương, Đào, Mai, Cao, Lâm, Tạ, Hà, Vương, Trịnh, Đoàn, Chu, La`),
  middle: {
    share: 0.8,
    masculine: names('Văn, Văn, Văn, Đức, Minh, Quốc, Hữu, Công, Thanh'),
    feminine: names('Thị, Thị, Thị, Ngọc, Thu, Thanh, Kim, Phương'),
  },
};

const albanian: NameGroup = {
  script: 'Latin',
  familyShare: 0.96,
  masculine: names(`Arben, Ardit, Besnik, Blerim, Dritan, Endrit, Erion, Fatmir, Gentian, Ilir,
    Klodian, Kristi, Artan, Altin, Armand, Elton, Erald, Gëzim, Jurgen, Luan, Mirel, Olsi, Redon,
    Sokol, Ervin, Marsel, Edmond, Florian, Alban, Xhevdet`),
  feminine:
    names(`Anjeza, Arjola, Besiana, Blerta, Brunilda, Elona, Elda, Enkeleida, Ermira, Flutura,
    Jonida, Klea, Kejsi, Lindita, Manjola, Mirela, Orjeta, Rudina, Sidorela, Valbona, Vjollca,
    Xhesika, Elsa, Ina, Anila, Drita, Dorina, Entela, Teuta, Alketa`),
  family: names(`Hoxha, Shehu, Leka, Gjoka, Kola, Marku, Prifti, Dervishi, Çela, Hysa, Bregu, Basha,
    Lika, Kaçi, Dushku, Gjika, Zeneli, Mema, Kuka, Toska, Xhafa, Muça, Rexha, Cani, Sula, Duka,
    Lleshi, Gjoni, Koçi, Hasani`),
};

const hispanicGiven = {
  masculine: names(`José, Juan, Carlos, Luis, Jorge, Miguel, Francisco, Mario, Óscar, Pedro, Manuel,
    Javier, Edwin, Wilmer, Kevin, Brayan, Erick, Marvin, Nelson, Byron, Selvin, Elmer, Fredy,
    Walter, Cristian, Henry, Jonathan, Santos, Ángel, Denis`),
  feminine: names(`María, Ana, Rosa, Carmen, Gloria, Marta, Sonia, Karla, Lesly, Yessenia, Dania,
    Wendy, Heidy, Sindy, Glenda, Nancy, Jennifer, Maritza, Reina, Suyapa, Lidia, Dilcia, Ingrid,
    Mirna, Blanca, Elena, Yadira, Dulce, Guadalupe, Lucía`),
};
const hispanicFamily = `García, López, Hernández, Martínez, Rodríguez, González, Pérez, Sánchez,
  Ramírez, Flores, Cruz, Reyes, Morales, Díaz, Mejía, Castillo, Ortiz, Chávez, Vásquez, Aguilar,
  Álvarez, Pineda, Zelaya, Ramos, Santos, Lara, Cabrera, Torres, Romero, Gómez`;

/** Mexico, Honduras, El Salvador. */
const hispanic: NameGroup = {
  script: 'Latin',
  familyShare: 0.97,
  doubleFamilyShare: 0.5,
  ...hispanicGiven,
  family: names(hispanicFamily),
};

/** Guatemala: the same names, with Maya (K'iche', Q'eqchi', Kaqchikel) surnames added. */
const guatemalan: NameGroup = {
  ...hispanic,
  family: names(`${hispanicFamily}, Tzoc, Xol, Caal, Choc, Pop, Coc, Tzul, Cux, Ajú, Xicará`),
};

/** Many Indonesians, especially Javanese, have a single name and no family name. */
const indonesian: NameGroup = {
  script: 'Latin',
  familyShare: 0.5,
  masculine:
    names(`Agus, Budi, Dedi, Eko, Hendra, Joko, Rudi, Slamet, Wahyu, Yusuf, Ahmad, Muhammad,
    Rizki, Andi, Bambang, Hadi, Iwan, Teguh, Sutrisno, Supriyadi, Arif, Fajar, Irfan, Dimas, Bayu`),
  feminine: names(`Siti, Sri, Dewi, Ani, Nur, Rina, Wulan, Putri, Ayu, Indah, Lestari, Yuli, Tuti,
    Ratna, Fitri, Nurul, Sari, Wati, Yanti, Endang, Suharti, Kartini, Rini, Eka, Lina`),
  family: names(`Wijaya, Santoso, Saputra, Hidayat, Setiawan, Kurniawan, Pratama, Susanto, Nugroho,
    Rahayu, Purnomo, Hasanah, Handayani, Wibowo, Siregar, Nasution, Simanjuntak, Harahap,
    Sitompul, Gunawan, Suryadi, Maulana, Hakim, Fauzi, Lubis`),
};

/** Myanmar names are built from syllables and carry no family name. */
const burmese: NameGroup = {
  script: 'Latin',
  familyShare: 0,
  syllabic: true,
  masculine: names(`Aung, Kyaw, Min, Zaw, Htet, Thant, Naing, Soe, Myo, Tun, Win, Hla, Thura, Ko,
    Than, Nyi, Phyo, Wai, Ye, Zin, Lin, Oo, Htun, Moe, Thein`),
  feminine: names(`Aye, Hnin, Khin, Mya, Nwe, Phyu, Su, Thida, Thandar, Yin, Zar, Ei, May, Nilar,
    Sandar, Thuzar, Wint, Yamin, Hla, Cho, Khaing, Moe, Nandar, Shwe, Myat`),
  family: [],
};

const khmer: NameGroup = {
  script: 'Latin',
  familyShare: 0.95,
  familyFirst: true,
  masculine: names(`Dara, Sokha, Vuthy, Rithy, Sopheak, Piseth, Vanna, Sambath, Bunthoeun, Sophal,
    Rotha, Visal, Kosal, Veasna, Chhay, Narith, Samnang, Sothea, Borey, Vibol, Sovann, Pheakdey,
    Ratanak, Makara, Chanthy`),
  feminine: names(`Sreymom, Sokunthea, Chenda, Bopha, Sreyleak, Sophea, Channary, Maly, Sreyneang,
    Dalin, Kanha, Raksmey, Pisey, Theary, Davy, Leakhena, Sopheap, Chantha, Mealea, Vanny, Kolab,
    Nary, Sreypov, Sreyneath, Thida`),
  family: names(`Sok, Chan, Kim, Heng, Keo, Chea, Meas, Ly, Nhem, Phan, Pen, Prak, Sam, Seng, Som,
    Touch, Van, Yim, Ouk, Mao, Long, Nov, Oum, Chhim, Sim`),
};

const nepali: NameGroup = {
  script: 'Latin',
  familyShare: 0.97,
  masculine: names(`Ram, Hari, Krishna, Bikash, Suman, Sanjay, Rajendra, Bishnu, Gopal, Prakash,
    Santosh, Dil, Man, Bal, Nabin, Roshan, Sujan, Binod, Ramesh, Kamal, Sagar, Anish, Pradeep,
    Rabin, Dipak`),
  feminine: names(`Sita, Gita, Sunita, Kamala, Laxmi, Maya, Sarita, Bimala, Radhika, Anjali, Puja,
    Sabina, Manisha, Srijana, Sushila, Kalpana, Rupa, Goma, Durga, Samjhana, Nirmala, Parbati,
    Asmita, Susmita, Pabitra`),
  family: names(`Tamang, Gurung, Magar, Rai, Limbu, Shrestha, Thapa, Bhattarai, Adhikari, Poudel,
    Karki, Basnet, Lama, Sherpa, Tharu, Chaudhary, Bishwokarma, Pariyar, Nepali, Sunuwar, Yadav,
    Khadka, Rana, Sapkota, Dahal`),
};

const indian: NameGroup = {
  script: 'Latin',
  familyShare: 0.9,
  masculine: names(`Ramesh, Suresh, Rajesh, Mahesh, Sunil, Anil, Vijay, Ravi, Ajay, Sanjay, Manoj,
    Rakesh, Deepak, Amit, Raju, Santosh, Mukesh, Dinesh, Ashok, Prakash, Ganesh, Ramu, Babu, Arjun,
    Imran, Salim, Anwar`),
  feminine: names(`Sunita, Anita, Geeta, Sita, Rekha, Pooja, Priya, Lakshmi, Kavita, Meena, Asha,
    Radha, Savitri, Kamala, Shanti, Parvati, Rani, Seema, Neha, Jyoti, Suman, Usha, Mamta, Sarita,
    Pushpa, Shabana, Nasreen`),
  family: names(`Kumar, Singh, Yadav, Das, Sharma, Verma, Gupta, Patel, Reddy, Rao, Naik, Mandal,
    Paswan, Manjhi, Ram, Prasad, Sahu, Mahato, Oraon, Munda, Murmu, Tudu, Kisku, Khan, Ansari`),
  familyFeminine: { share: 0.35, names: names('Devi, Kumari, Bai') },
};

/** United States and United Kingdom. */
const english: NameGroup = {
  script: 'Latin',
  familyShare: 0.97,
  masculine:
    names(`James, John, Michael, David, Robert, Daniel, Christopher, Joshua, Matthew, Anthony,
    Tyler, Brandon, Ryan, Jacob, Kevin, Justin, Thomas, William, Andrew, Joseph, Liam, Connor,
    Jordan, Dylan, Aaron, Marcus, Luis`),
  feminine: names(`Jessica, Ashley, Amanda, Sarah, Jennifer, Emily, Brittany, Samantha, Stephanie,
    Nicole, Megan, Lauren, Rachel, Hannah, Amber, Kayla, Chloe, Emma, Olivia, Danielle, Chelsea,
    Courtney, Jade, Destiny, Taylor, Maria, Keisha`),
  family: names(`Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor,
    Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, Robinson, Walker,
    Young, Allen, Wright, Hughes, Evans, Roberts, Campbell, Murphy, Garcia, Rodriguez`),
};

const brazilian: NameGroup = {
  script: 'Latin',
  familyShare: 0.97,
  masculine:
    names(`João, José, Antônio, Francisco, Carlos, Paulo, Pedro, Lucas, Luiz, Marcos, Gabriel,
    Rafael, Daniel, Marcelo, Bruno, Eduardo, Felipe, Raimundo, Rodrigo, Manoel, Sebastião, Edson,
    Anderson, Wellington, Luís`),
  feminine:
    names(`Maria, Ana, Francisca, Antônia, Adriana, Juliana, Márcia, Fernanda, Patrícia, Aline,
    Sandra, Camila, Amanda, Bruna, Jéssica, Letícia, Júlia, Luciana, Vanessa, Mariana, Raimunda,
    Josefa, Larissa, Tatiane, Daiane`),
  family: names(`Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes,
    Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha,
    Dias, Nascimento, Andrade, Moreira, Nunes, Araújo, Cardoso, Teixeira, Conceição`),
};

export const LATIN_GROUPS = {
  nigerian,
  filipino,
  romanian,
  vietnamese,
  albanian,
  hispanic,
  guatemalan,
  indonesian,
  burmese,
  khmer,
  nepali,
  indian,
  english,
  brazilian,
};
